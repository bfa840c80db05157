package org.aodnn.db.domain;

/**
 * One raw power reading of a profiling session (table {@code power_sample}): device time in microseconds,
 * voltage in mV, current in mA (positive = drawn from the battery), power in mW. {@code source} says where it
 * came from ({@code adb-battery}, {@code monsoon}, or {@code simulated-battery}).
 */
public record PowerSampleRow(long sessionId, String source, long deviceTimeUs, Double voltageMv, Double currentMa,
                             Double powerMw) {
}
