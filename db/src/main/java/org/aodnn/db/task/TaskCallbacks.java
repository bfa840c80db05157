package org.aodnn.db.task;

import java.util.function.Consumer;

/**
 * Where a task's outcome goes. The executor calls exactly one of these, on the thread it promises
 * (the JavaFX thread in the app, the calling thread in tests and the CLI).
 */
public record TaskCallbacks<T>(Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled,
                               ProgressListener progress) {

    public static <T> TaskCallbacks<T> of(Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return new TaskCallbacks<>(onSuccess, onFailure, () -> { }, ProgressListener.NONE);
    }

    public TaskCallbacks<T> withCancelled(Runnable cancelled) {
        return new TaskCallbacks<>(onSuccess, onFailure, cancelled, progress);
    }

    public TaskCallbacks<T> withProgress(ProgressListener listener) {
        return new TaskCallbacks<>(onSuccess, onFailure, onCancelled, listener);
    }
}
