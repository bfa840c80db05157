package org.aodnn.modelfitting;

import java.util.List;

/**
 * A unit model's prediction along one feature with the other features at their median over the unit's
 * rows ({@code line}: raw feature value, predicted ms), and the unit's measured rows for the overlay
 * ({@code measured}: raw feature value, measured ms).
 */
public record FeatureCurve(String platform, String unit, String feature, List<double[]> line, List<double[]> measured) {
}
