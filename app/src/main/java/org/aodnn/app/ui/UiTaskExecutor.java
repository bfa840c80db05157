package org.aodnn.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background tasks on daemon worker threads as JavaFX {@link Task}s: progress and message are bound
 * to the task area, cancel reaches the task, and every callback arrives on the JavaFX thread.
 */
public final class UiTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UiTaskExecutor.class);
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "aodnn-worker-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    /** The tasks now running, for the task area; changed only on the JavaFX thread. */
    public ObservableList<Task<?>> runningTasks() {
        return running;
    }

    @Override
    public <T> void execute(BackgroundTask<T> work, TaskCallbacks<T> callbacks) {
        Task<T> task = new Task<>() {
            {
                updateTitle(work.title());
            }

            @Override
            protected T call() throws Exception {
                ProgressListener listener = new ProgressListener() {
                    @Override
                    public void progress(double done, double total) {
                        updateProgress(done, total);
                        callbacks.progress().progress(done, total);
                    }

                    @Override
                    public void message(String message) {
                        updateMessage(message);
                        callbacks.progress().message(message);
                    }
                };
                return work.run(listener);
            }

            @Override
            protected void cancelled() {
                work.cancel();
            }
        };
        task.setOnSucceeded(e -> {
            running.remove(task);
            callbacks.onSuccess().accept(task.getValue());
        });
        task.setOnCancelled(e -> {
            running.remove(task);
            callbacks.onCancelled().run();
        });
        task.setOnFailed(e -> {
            running.remove(task);
            Throwable error = task.getException();
            if (error instanceof CancelledException) {
                callbacks.onCancelled().run();
            } else {
                LOG.warn("Task '{}' failed", work.title(), error);
                callbacks.onFailure().accept(error);
            }
        });
        runOnUiThread(() -> running.add(task));
        workers.execute(task);
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
