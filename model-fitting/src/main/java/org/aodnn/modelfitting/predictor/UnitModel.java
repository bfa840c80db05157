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
        return predict(s, true);
    }

    /**
     * {@code unknownAsMean}: an unknown CPU frequency stands at the training mean (z = 0, documents of schema
     * version 2 on); false for version 1 documents, which were fitted with an unknown frequency as 0 MHz.
     */
    public double predict(LayerSample s, boolean unknownAsMean) {
        double[] z = new double[features.size()];
        for (int i = 0; i < z.length; i++) {
            FeatureInput f = features.get(i);
            z[i] = unknownAsMean ? BaseFeature.standardised(f, s) : f.standardise(BaseFeature.ofId(f.name()).value(s));
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
