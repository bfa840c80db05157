package org.aodnn.modelfitting;

import java.util.List;

/**
 * A unit model's prediction along one feature with the other features at their median over the unit's
 * rows ({@code line}: raw feature value, predicted ms), and the unit's measured rows for the overlay
 * ({@code measured}: raw feature value, measured ms). {@code unitFeatures} are the base features the unit model
 * takes: along any other feature its curve is flat.
 */
public record FeatureCurve(String platform, String unit, String feature, List<double[]> line, List<double[]> measured,
                           List<String> unitFeatures) {

    /** Whether the prediction stays the same all along the feature (within a relative 1e-9). */
    public boolean isFlat() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : line) {
            lo = Math.min(lo, p[1]);
            hi = Math.max(hi, p[1]);
        }
        return !line.isEmpty() && hi - lo <= 1e-9 * Math.max(Math.abs(hi), Math.abs(lo));
    }
}
