package org.aodnn.modelfitting.predictor;

import java.util.List;

/**
 * One fitted polynomial of Eq. 1 for a layer type, a family or a whole platform ({@code level} =
 * {@code type}, {@code family} or {@code global}). Prediction: standardise the inputs, form the terms
 * {@code prod_i z_i^exponents[j][i]}, sum {@code intercept + coefficients[j] * term_j}, undo the target
 * transform ({@code identity} or {@code log}: exp) and clamp to {@code [minMs, maxMs]}.
 * The remaining fields describe how it was chosen (degree, penalties, training rows, CV MSE).
 */
public record UnitModel(String key, String level, String family, List<FeatureInput> features, int[][] exponents,
                        double intercept, double[] coefficients, String target, double minMs, double maxMs,
                        int degree, double lambda1, double lambda2, int trainingRows, double cvMse) {

    public static final String LEVEL_TYPE = "type";
    public static final String LEVEL_FAMILY = "family";
    public static final String LEVEL_GLOBAL = "global";
    public static final String TARGET_IDENTITY = "identity";
    public static final String TARGET_LOG = "log";

    public UnitModel {
        features = List.copyOf(features);
    }

    public double predict(LayerSample s) {
        double[] z = new double[features.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = BaseFeature.standardised(features.get(i), s);
        }
        return predictStandardised(z);
    }

    /** The model on already standardised inputs (used by curves and by the evaluator). */
    public double predictStandardised(double[] z) {
        double y = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            y += coefficients[j] * PolynomialExpansion.term(z, exponents[j]);
        }
        double ms = TARGET_LOG.equals(target) ? StrictMath.exp(y) : y;
        if (Double.isNaN(ms)) {
            return minMs;
        }
        return Math.min(Math.max(ms, minMs), maxMs);
    }
}
