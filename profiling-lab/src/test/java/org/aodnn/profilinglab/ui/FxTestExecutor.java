package org.aodnn.profilinglab.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * What the app's task executor does, for the workspace test: tasks on daemon worker threads (progress reported
 * from there), every outcome delivered on the JavaFX thread.
 */
final class FxTestExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-view-test-worker");
        t.setDaemon(true);
        return t;
    });

    /** Tasks started and not yet delivered on the JavaFX thread. */
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        pending.incrementAndGet();
        workers.execute(() -> {
            try {
                T result = task.run(callbacks.progress());
                deliver(() -> callbacks.onSuccess().accept(result));
            } catch (CancelledException e) {
                deliver(callbacks.onCancelled());
            } catch (Exception e) {
                deliver(() -> callbacks.onFailure().accept(e));
            }
        });
    }

    private void deliver(Runnable callback) {
        runOnUiThread(() -> {
            try {
                callback.run();
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Whether every task has finished and its outcome reached the view model. */
    boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
