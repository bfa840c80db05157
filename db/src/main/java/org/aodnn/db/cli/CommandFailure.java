package org.aodnn.db.cli;

/**
 * A command failed for a reason the operator can act on. The CLI prints the message as one line on
 * standard error and exits with {@link #exitCode()}.
 */
public class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(String message) {
        this(message, 1);
    }

    public CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = 1;
    }

    public int exitCode() {
        return exitCode;
    }
}
