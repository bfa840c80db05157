package org.aodnn.profilinglab.server;

/** A well-formed message the session cannot accept; the server answers with {@link #status()}. */
public class MessageRejectedException extends RuntimeException {

    private final int status;

    public MessageRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400 for a message inconsistent with the job, 409 for one that conflicts with what was stored. */
    public static MessageRejectedException invalid(String message) {
        return new MessageRejectedException(400, message);
    }

    public static MessageRejectedException conflict(String message) {
        return new MessageRejectedException(409, message);
    }

    public int status() {
        return status;
    }
}
