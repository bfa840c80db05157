package org.aodnn.modelfitting.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskExecutor;

/**
 * Hands a worker's progress to the UI thread without flooding it: a fit reports after every CV grid point,
 * far more often than a screen can show, so at most one update is queued at a time and it carries the
 * latest share and message when it runs.
 */
final class CoalescedProgress implements ProgressListener {

    private final TaskExecutor executor;
    private final BiConsumer<Double, String> onUiThread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile double share;
    private volatile String message = "";

    /** @param onUiThread receives (share 0..1 or -1 when unknown, message) on the UI thread */
    CoalescedProgress(TaskExecutor executor, BiConsumer<Double, String> onUiThread) {
        this.executor = executor;
        this.onUiThread = onUiThread;
    }

    @Override
    public void progress(double workDone, double totalWork) {
        share = totalWork > 0 ? Math.min(1, workDone / totalWork) : -1;
        post();
    }

    @Override
    public void message(String text) {
        message = text == null ? "" : text;
        post();
    }

    private void post() {
        if (queued.compareAndSet(false, true)) {
            executor.runOnUiThread(() -> {
                queued.set(false);
                onUiThread.accept(share, message);
            });
        }
    }
}
