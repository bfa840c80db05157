package org.aodnn.profilinglab.session;

/** A layer the page did not time on a backend, and why (no TF.js op, backend unavailable, error). */
public record LayerSkip(String model, int layerIndex, String layerName, String layerType, String backend,
                        String reason) {
}
