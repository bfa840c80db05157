package org.aodnn.profilinglab.target;

/** The target cannot be used; the message says what to install or connect. */
public class TargetUnavailableException extends Exception {

    public TargetUnavailableException(String message) {
        super(message);
    }

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
