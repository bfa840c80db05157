package org.aodnn.modelfitting.eval;

import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * One layer's measured and predicted latency under one method (the chart's points: measured vs predicted,
 * residuals). {@code flag} is the predictor's fallback flag (empty for baselines and exact matches).
 */
public record PointPrediction(String method, LayerSample sample, double predictedMs, String flag) {

    public double measuredMs() {
        return sample.latencyMs();
    }

    public double residualMs() {
        return predictedMs - sample.latencyMs();
    }

    /** Predicted / measured - 1. */
    public double relativeError() {
        return predictedMs / sample.latencyMs() - 1;
    }

    public String family() {
        return sample.family().id();
    }
}
