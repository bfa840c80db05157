package org.aodnn.policyeditor.tfjs;

/** A {@code model.json} cannot be imported; the message names the file and, where it applies, the layer. */
public class TfjsImportException extends RuntimeException {

    public TfjsImportException(String message) {
        super(message);
    }

    public TfjsImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
