package org.aodnn.db.domain;

/** A catalog line: a model's name with its layer, parameter and FLOP totals. */
public record ModelSummary(String name, String source, int layers, long params, long flops) {
}
