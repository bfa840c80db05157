package org.aodnn.modelfitting.predictor;

/** A predictor document that cannot be used; the message names the document and the offending part. */
public class PredictorFormatException extends RuntimeException {

    public PredictorFormatException(String message) {
        super(message);
    }

    public PredictorFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
