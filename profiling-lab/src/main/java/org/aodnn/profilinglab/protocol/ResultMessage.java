package org.aodnn.profilinglab.protocol;

import java.util.List;

/**
 * One layer timed on one backend: statistics over {@code samples} timed samples, each the mean of
 * {@code batch} back-to-back runs (batch &gt; 1 only when one run is short against the timer's resolution),
 * and the wall-clock window of those timed runs ({@code performance.timeOrigin + performance.now()} at the
 * first timed run's start and the last one's end, in ms since the epoch on the browser's clock; warm-ups
 * excluded), to which energy is attributed. The window fields are required: page and console ship together.
 */
public record ResultMessage(int layerId, String backend, double medianMs, double minMs, double maxMs,
                            double stddevMs, int samples, int batch, List<Integer> outShape,
                            double windowStartEpochMs, double windowEndEpochMs) implements PageMessage {

    /** Earliest plausible window start (2001-09-09): catches a page sending performance.now() alone. */
    public static final double MIN_EPOCH_MS = 1e12;
    /** Latest plausible window end (2286-11-20). */
    public static final double MAX_EPOCH_MS = 1e13;
    /**
     * Slack for the window covering its runs: timeOrigin + now() is a double near 1.7e12 ms (resolution about
     * 0.25 µs) and browsers coarsen now() to 5 µs..100 µs, so the window may read a little shorter than the
     * sum of the samples it contains.
     */
    public static final double WINDOW_SLACK_MS = 1.0;

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
        PageMessages.checkFinite(windowStartEpochMs, "windowStartEpochMs");
        PageMessages.checkFinite(windowEndEpochMs, "windowEndEpochMs");
        PageMessages.check(windowStartEpochMs >= MIN_EPOCH_MS && windowEndEpochMs <= MAX_EPOCH_MS,
                "windowStartEpochMs/windowEndEpochMs must be milliseconds since the epoch "
                        + "(performance.timeOrigin + performance.now()), got " + windowStartEpochMs + ", " + windowEndEpochMs);
        PageMessages.check(windowStartEpochMs <= windowEndEpochMs, "windowStartEpochMs " + windowStartEpochMs
                + " is after windowEndEpochMs " + windowEndEpochMs);
        // Every timed run lies inside the window and no run is faster than minMs.
        double leastSpanMs = (double) samples * batch * minMs;
        PageMessages.check(windowEndEpochMs - windowStartEpochMs + WINDOW_SLACK_MS >= leastSpanMs,
                "the window of " + (windowEndEpochMs - windowStartEpochMs) + " ms cannot hold " + runs()
                        + " timed runs of at least " + minMs + " ms");
    }

    /** The window start in µs since the epoch, on the browser's clock. */
    public long windowStartUs() {
        return Math.round(windowStartEpochMs * 1000);
    }

    /** The window end in µs since the epoch, on the browser's clock. */
    public long windowEndUs() {
        return Math.round(windowEndEpochMs * 1000);
    }

    /** Timed runs behind the statistics. */
    public int runs() {
        return (int) Math.min(Integer.MAX_VALUE, (long) samples * batch);
    }
}
