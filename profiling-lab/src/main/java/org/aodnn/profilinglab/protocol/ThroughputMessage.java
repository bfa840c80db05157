package org.aodnn.profilinglab.protocol;

import java.util.List;

/** Timed downloads of weight-sized blobs from the console: the model-loading term of a partition. */
public record ThroughputMessage(List<Sample> samples) implements PageMessage {

    public record Sample(long bytes, double ms) {
    }

    @Override
    public void validate() {
        PageMessages.check(samples != null && !samples.isEmpty() && samples.size() <= 32, "samples must list 1..32 downloads");
        for (Sample s : samples) {
            PageMessages.check(s != null, "a sample must not be null");
            PageMessages.check(s.bytes() > 0, "sample bytes must be positive");
            PageMessages.checkFinite(s.ms(), "sample ms");
            PageMessages.check(s.ms() > 0 && s.ms() < 3_600_000, "sample ms must be in (0, 3600000)");
        }
    }

    /** Megabytes (10^6 bytes) per second over all downloads together. */
    public double megabytesPerSecond() {
        long bytes = samples.stream().mapToLong(Sample::bytes).sum();
        double ms = samples.stream().mapToDouble(Sample::ms).sum();
        return bytes / (ms * 1000.0);
    }
}
