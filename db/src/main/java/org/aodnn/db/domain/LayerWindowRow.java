package org.aodnn.db.domain;

/** When a layer of a session was timed on the device (µs since the epoch, device clock) and over how many runs. */
public record LayerWindowRow(long sessionId, String model, int layerIndex, String backend, long startUs, long endUs,
                             int runs) {
}
