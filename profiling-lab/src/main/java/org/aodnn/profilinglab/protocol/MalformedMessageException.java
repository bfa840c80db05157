package org.aodnn.profilinglab.protocol;

/** A message from the page is not valid JSON of the expected form; the server answers 400. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
