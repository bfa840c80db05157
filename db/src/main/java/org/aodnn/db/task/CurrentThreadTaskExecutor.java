package org.aodnn.db.task;

/** Runs every task at once on the calling thread: deterministic, for tests and the CLI. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        T result;
        try {
            result = task.run(callbacks.progress());
        } catch (CancelledException e) {
            callbacks.onCancelled().run();
            return;
        } catch (Exception e) {
            callbacks.onFailure().accept(e);
            return;
        }
        callbacks.onSuccess().accept(result);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }
}
