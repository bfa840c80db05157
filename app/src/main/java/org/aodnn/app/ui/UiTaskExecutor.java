package org.aodnn.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    /** How long closing waits for cancelled tasks to record their end. */
    static final long CLOSE_GRACE_SECONDS = 15;
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
                logFailure(work.title(), error);
                callbacks.onFailure().accept(error);
            }
        });
        runOnUiThread(() -> running.add(task));
        workers.execute(task);
    }

    /**
     * The window shows every failure to the operator; the log adds a stack trace only where it helps a developer:
     * the Workbench's own errors and bad input (a model without measurements, a file that does not parse) are
     * expected, and one line says them; anything else (a bug) keeps its trace.
     */
    private static void logFailure(String title, Throwable error) {
        if (isExpected(error)) {
            LOG.info("Task '{}' failed: {}", title, error.getMessage());
        } else {
            LOG.warn("Task '{}' failed", title, error);
        }
    }

    static boolean isExpected(Throwable error) {
        return error.getClass().getName().startsWith("org.aodnn.")
                || error instanceof IllegalArgumentException
                || error instanceof java.io.UncheckedIOException
                || error instanceof java.io.IOException;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Lets the tasks running now end before the database closes behind them: the window cancels them when it
     * closes, and a cancelled task still records its end (a profiling session is stored as cancelled with the
     * rows it measured). A task that ignores its cancel for {@link #CLOSE_GRACE_SECONDS} is interrupted.
     */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running {} s after the window closed: interrupting it",
                        CLOSE_GRACE_SECONDS);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
