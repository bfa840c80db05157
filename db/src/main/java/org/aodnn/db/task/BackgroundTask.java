package org.aodnn.db.task;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A piece of long work (a fit, a profiling session, an import) described without any UI: it reports
 * progress through a {@link ProgressListener} and checks {@link #isCancelled()} at safe points.
 * A {@link TaskExecutor} decides on which thread it runs and where results are delivered.
 */
public abstract class BackgroundTask<T> {

    private final String title;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ProgressListener listener = ProgressListener.NONE;

    protected BackgroundTask(String title) {
        this.title = title;
    }

    /** A task around a short piece of work that reports no progress (a query, a load). */
    public static <T> BackgroundTask<T> of(String title, java.util.concurrent.Callable<T> work) {
        return new BackgroundTask<>(title) {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
    }

    public String title() {
        return title;
    }

    /** Does the work on the calling thread. Throws {@link CancelledException} when cancelled. */
    protected abstract T call() throws Exception;

    /** Runs the task on the current thread with the given listener. */
    public final T run(ProgressListener progress) throws Exception {
        this.listener = progress == null ? ProgressListener.NONE : progress;
        checkCancelled();
        return call();
    }

    /** Requests cancellation; the task stops at its next check. */
    public void cancel() {
        cancelled.set(true);
        onCancel();
    }

    /** Hook for tasks that must interrupt blocking work (close a socket, kill a process). */
    protected void onCancel() {
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    protected void checkCancelled() {
        if (cancelled.get()) {
            throw new CancelledException(title + " was cancelled");
        }
    }

    protected void updateProgress(double workDone, double totalWork) {
        listener.progress(workDone, totalWork);
    }

    protected void updateMessage(String message) {
        listener.message(message);
    }
}
