package org.aodnn.edgeconnector.crypto;

/** A key file that cannot be read as the key it should hold; the message names the file. */
public final class KeyFormatException extends RuntimeException {

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
