package org.aodnn.policyeditor.policy;

/** A policy cannot be stored, found or read (unknown name or model, malformed settings); the message says which. */
public class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
