package org.aodnn.edgeconnector.manifest;

/** A manifest that is not a valid document of the schema; the message names the JSON path at fault. */
public final class ManifestException extends Exception {

    public ManifestException(String message) {
        super(message);
    }
}
