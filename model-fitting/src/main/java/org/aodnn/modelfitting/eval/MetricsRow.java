package org.aodnn.modelfitting.eval;

/** One line of the metrics table: a method on a platform, for one family or {@code all}. */
public record MetricsRow(String method, String platform, String family, ErrorMetrics layer) {
}
