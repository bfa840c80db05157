package org.aodnn.db.task;

/** Thrown by a {@link BackgroundTask} that stopped because it was cancelled. */
public class CancelledException extends RuntimeException {

    public CancelledException(String message) {
        super(message);
    }
}
