package org.aodnn.db.domain;

/**
 * The identity of a layer measurement: importing the same key again updates the row in place.
 * {@code backend} and {@code browser} are empty strings where they do not apply (native targets).
 */
public record MeasurementKey(String platform, String model, int layerIndex, String target, int threads,
                             String backend, String browser) {
}
