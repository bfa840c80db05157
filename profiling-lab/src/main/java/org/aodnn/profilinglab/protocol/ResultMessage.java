package org.aodnn.profilinglab.protocol;

import java.util.List;

/**
 * One layer timed on one backend: statistics over {@code samples} timed samples, each the mean of
 * {@code batch} back-to-back runs (batch &gt; 1 only when one run is short against the timer's resolution).
 */
public record ResultMessage(int layerId, String backend, double medianMs, double minMs, double maxMs,
                            double stddevMs, int samples, int batch, List<Integer> outShape) implements PageMessage {

    public static final int MAX_SAMPLES = 100_000;
    public static final int MAX_BATCH = 100_000;

    @Override
    public void validate() {
        PageMessages.check(layerId >= 0, "layerId must not be negative");
        PageMessages.checkText(backend, "backend", 40);
        PageMessages.checkFinite(medianMs, "medianMs");
        PageMessages.checkFinite(minMs, "minMs");
        PageMessages.checkFinite(maxMs, "maxMs");
        PageMessages.checkFinite(stddevMs, "stddevMs");
        PageMessages.check(minMs > 0, "minMs must be positive, not " + minMs);
        PageMessages.check(minMs <= medianMs && medianMs <= maxMs,
                "latencies must satisfy minMs <= medianMs <= maxMs, got " + minMs + ", " + medianMs + ", " + maxMs);
        PageMessages.check(maxMs <= 3_600_000, "maxMs " + maxMs + " is more than an hour");
        PageMessages.check(stddevMs >= 0, "stddevMs must not be negative");
        PageMessages.check(samples >= 1 && samples <= MAX_SAMPLES, "samples must be 1.." + MAX_SAMPLES + ", not " + samples);
        PageMessages.check(batch >= 1 && batch <= MAX_BATCH, "batch must be 1.." + MAX_BATCH + ", not " + batch);
        PageMessages.check(samples > 1 || stddevMs == 0, "one sample cannot have a spread");
        PageMessages.check(outShape != null && !outShape.isEmpty() && outShape.size() <= 8,
                "outShape must list 1..8 dimensions");
        PageMessages.check(outShape.stream().allMatch(d -> d != null && d > 0), "outShape dimensions must be positive");
    }

    /** Timed runs behind the statistics. */
    public int runs() {
        return (int) Math.min(Integer.MAX_VALUE, (long) samples * batch);
    }
}
