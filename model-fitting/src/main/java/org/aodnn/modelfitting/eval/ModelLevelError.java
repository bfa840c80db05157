package org.aodnn.modelfitting.eval;

/**
 * Summed latency of one model run (model, device, platform, threads): measured and predicted, as the
 * partitioner sees it.
 */
public record ModelLevelError(String method, String model, String platform, int threads, String device,
                              double measuredMs, double predictedMs) {

    public double relativeError() {
        return predictedMs / measuredMs - 1;
    }

    public boolean within(double share) {
        return Math.abs(relativeError()) <= share;
    }
}
