package org.aodnn.policyeditor.source;

/** A latency or energy source cannot supply what was asked (missing profile, layers, file); the message says which. */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
