package org.aodnn.modelfitting.eval;

/** Share of (model, platform, threads) whose summed predicted latency is within +-10 % of the measured sum. */
public record ModelLevelSummary(String method, String platform, int groups, double within10, double meanAbsError) {
}
