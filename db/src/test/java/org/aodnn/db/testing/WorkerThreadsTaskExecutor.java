package org.aodnn.db.testing;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * What the app's task executor does, for window tests: tasks on daemon worker threads (progress reported from
 * there), every outcome delivered on the UI thread. It counts the tasks whose outcome has not reached the UI
 * yet, so a test can wait until a view model has stopped changing. The UI thread is passed in (the JavaFX
 * one in the feature modules' tests) because db knows no UI toolkit.
 */
public final class WorkerThreadsTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService workers;
    private final Executor uiThread;
    private final BooleanSupplier onUiThread;

    /** Tasks started and not yet delivered on the UI thread. */
    private final AtomicInteger pending = new AtomicInteger();

    public WorkerThreadsTaskExecutor(String threadName, Executor uiThread, BooleanSupplier onUiThread) {
        this.uiThread = uiThread;
        this.onUiThread = onUiThread;
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

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

    /** Whether every task has finished and its outcome reached the UI; tasks a callback starts count at once. */
    public boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (onUiThread.getAsBoolean()) {
            action.run();
        } else {
            uiThread.execute(action);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
