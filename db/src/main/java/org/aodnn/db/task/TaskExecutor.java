package org.aodnn.db.task;

/**
 * The one way long work is started. The app's implementation runs tasks on background threads, shows
 * them in the task area with progress and cancel, and delivers callbacks on the JavaFX thread; tests and
 * the CLI use {@link CurrentThreadTaskExecutor}. Views and view models never start threads themselves.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks);

    /** Runs a short action on the thread that owns the UI (or directly, where there is none). */
    void runOnUiThread(Runnable action);
}
