package org.aodnn.profilinglab.job;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the page times layers. Each layer runs {@code warmupRuns} times untimed, then is timed until at
 * least {@code timedRuns} samples and {@code minTimeMs} milliseconds are reached, at most {@code maxRuns}
 * samples. {@code wasmThreads} 0 keeps TF.js's default thread count (multi-threaded only when the page is
 * cross-origin isolated). {@code readOutput} makes every timed run also copy the layer's output back to
 * JavaScript (what a cut after the layer costs on top; always done for GPU backends, which run lazily).
 * {@code throughputBytes} are the sizes of the weight downloads timed first.
 */
public record ProfilingSettings(
        List<String> backends,
        int warmupRuns,
        int timedRuns,
        int maxRuns,
        double minTimeMs,
        int wasmThreads,
        GroupedConvMode groupedConv,
        boolean readOutput,
        List<Long> throughputBytes) {

    /** The TF.js backends the page knows. */
    public static final Set<String> KNOWN_BACKENDS = Set.of("cpu", "wasm", "webgl");
    public static final long MAX_DOWNLOAD_BYTES = 64L << 20;

    public ProfilingSettings {
        if (backends == null || backends.isEmpty()) {
            throw new IllegalArgumentException("at least one backend is needed (cpu, wasm, webgl)");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String b : backends) {
            String name = b.trim().toLowerCase(Locale.ROOT);
            if (!KNOWN_BACKENDS.contains(name)) {
                throw new IllegalArgumentException("backend '" + b + "' is not one of cpu, wasm, webgl");
            }
            if (!unique.add(name)) {
                throw new IllegalArgumentException("backend '" + name + "' is listed twice");
            }
        }
        backends = List.copyOf(unique);
        require(warmupRuns >= 0 && warmupRuns <= 1000, "warm-up runs must be 0..1000, not " + warmupRuns);
        require(timedRuns >= 1 && timedRuns <= 10_000, "timed runs must be 1..10000, not " + timedRuns);
        require(maxRuns >= timedRuns && maxRuns <= 10_000,
                "the run cap must be at least the timed runs (" + timedRuns + ") and at most 10000, not " + maxRuns);
        require(Double.isFinite(minTimeMs) && minTimeMs >= 0 && minTimeMs <= 600_000,
                "minimum time per layer must be 0..600000 ms, not " + minTimeMs);
        require(wasmThreads >= 0 && wasmThreads <= 256, "wasm threads must be 0 (default) ..256, not " + wasmThreads);
        if (groupedConv == null) {
            groupedConv = GroupedConvMode.SPLIT;
        }
        throughputBytes = List.copyOf(throughputBytes == null ? List.of() : throughputBytes);
        for (long size : throughputBytes) {
            require(size > 0 && size <= MAX_DOWNLOAD_BYTES, "download sizes must be 1.." + MAX_DOWNLOAD_BYTES
                    + " bytes, not " + size);
        }
    }

    /**
     * The timing of the project's reference browser data (browser-layer-latency.csv): 2 warm-ups, at least
     * 3 runs and 60 ms, at most 30, each run until its output is readable from JavaScript.
     */
    public static ProfilingSettings defaults(List<String> backends) {
        return new ProfilingSettings(backends, 2, 3, 30, 60.0, 0, GroupedConvMode.SPLIT, true,
                List.of(1L << 20, 8L << 20));
    }

    public ProfilingSettings withRuns(int warmup, int timed) {
        return new ProfilingSettings(backends, warmup, timed, Math.max(maxRuns, timed), minTimeMs, wasmThreads,
                groupedConv, readOutput, throughputBytes);
    }

    public ProfilingSettings withMinTimeMs(double ms) {
        return new ProfilingSettings(backends, warmupRuns, timedRuns, maxRuns, ms, wasmThreads, groupedConv,
                readOutput, throughputBytes);
    }

    public ProfilingSettings withMaxRuns(int runs) {
        return new ProfilingSettings(backends, warmupRuns, timedRuns, runs, minTimeMs, wasmThreads, groupedConv,
                readOutput, throughputBytes);
    }

    public ProfilingSettings withWasmThreads(int threads) {
        return new ProfilingSettings(backends, warmupRuns, timedRuns, maxRuns, minTimeMs, threads, groupedConv,
                readOutput, throughputBytes);
    }

    public ProfilingSettings withGroupedConv(GroupedConvMode mode) {
        return new ProfilingSettings(backends, warmupRuns, timedRuns, maxRuns, minTimeMs, wasmThreads, mode,
                readOutput, throughputBytes);
    }

    public ProfilingSettings withReadOutput(boolean read) {
        return new ProfilingSettings(backends, warmupRuns, timedRuns, maxRuns, minTimeMs, wasmThreads, groupedConv,
                read, throughputBytes);
    }

    public ProfilingSettings withThroughputBytes(List<Long> sizes) {
        return new ProfilingSettings(backends, warmupRuns, timedRuns, maxRuns, minTimeMs, wasmThreads, groupedConv,
                readOutput, sizes);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
