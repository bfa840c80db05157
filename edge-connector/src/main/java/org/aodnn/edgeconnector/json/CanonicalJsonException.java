package org.aodnn.edgeconnector.json;

/** A value that has no canonical JSON form (NaN, a lone surrogate, an integer beyond double precision). */
public final class CanonicalJsonException extends RuntimeException {

    public CanonicalJsonException(String message) {
        super(message);
    }
}
