package org.aodnn.edgeconnector.ui;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * Runs tasks at once on the calling thread (as {@link CurrentThreadTaskExecutor}) but queues "UI thread"
 * actions, which the test thread then runs: so callbacks from the health poller's own thread reach the view
 * model on one thread, as they do in the app.
 */
final class QueuedUiExecutor implements TaskExecutor {

    private final CurrentThreadTaskExecutor direct = new CurrentThreadTaskExecutor();
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @Override
    public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        direct.execute(task, callbacks);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        ui.add(action);
    }

    /** Waits up to {@code seconds} for one queued UI action and runs it; false when none came. */
    boolean runNext(long seconds) throws InterruptedException {
        Runnable next = ui.poll(seconds, TimeUnit.SECONDS);
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs whatever is queued now. */
    int drain() {
        int n = 0;
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }
}
