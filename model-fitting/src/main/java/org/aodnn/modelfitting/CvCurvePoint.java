package org.aodnn.modelfitting;

/** The best CV MSE a unit reached at one polynomial degree (over the penalty grid): the "CV MSE vs degree" chart. */
public record CvCurvePoint(String platform, String unit, String level, String family, int degree, double mse) {
}
