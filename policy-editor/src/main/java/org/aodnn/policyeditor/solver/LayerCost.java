package org.aodnn.policyeditor.solver;

/**
 * The solver's view of one layer: mobile and edge latency (ms), mobile compute energy (J), weight bytes
 * ({@code 4·params}), whether the network may be cut right after it and the bytes crossing that cut
 * ({@code 4·crossing_elems}).
 */
public record LayerCost(int layerIndex, String layerName, double twMs, double teMs, double ewJ, long weightBytes,
                        boolean cutAfter, long crossingBytes) {

    public LayerCost {
        check(layerName, "tw_ms", twMs);
        check(layerName, "te_ms", teMs);
        check(layerName, "ew_j", ewJ);
        if (weightBytes < 0 || crossingBytes < 0) {
            throw new IllegalArgumentException("layer " + layerName + ": negative byte count");
        }
    }

    private static void check(String layer, String what, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("layer " + layer + ": " + what + " = " + v
                    + ", expected a finite number >= 0");
        }
    }
}
