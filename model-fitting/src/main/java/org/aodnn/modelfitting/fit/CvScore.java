package org.aodnn.modelfitting.fit;

/**
 * One point of the CV grid of a unit: polynomial degree, penalty ratios and the k-fold cross-validated
 * mean squared error (in the fitted target's units: ms^2, or squared log-ms for log fits).
 */
public record CvScore(String platform, String unit, String level, String family, int degree, int terms,
                      double lambda1Ratio, double lambda2Ratio, double mse) {
}
