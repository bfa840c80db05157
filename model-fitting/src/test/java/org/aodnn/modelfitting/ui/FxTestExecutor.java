package org.aodnn.modelfitting.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * What the app's task executor does, for the window test: tasks on daemon worker threads (progress reported
 * from there), every outcome delivered on the JavaFX thread.
 */
final class FxTestExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "model-fitting-test-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        workers.execute(() -> {
            try {
                T result = task.run(callbacks.progress());
                runOnUiThread(() -> callbacks.onSuccess().accept(result));
            } catch (CancelledException e) {
                runOnUiThread(callbacks.onCancelled());
            } catch (Exception e) {
                runOnUiThread(() -> callbacks.onFailure().accept(e));
            }
        });
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
