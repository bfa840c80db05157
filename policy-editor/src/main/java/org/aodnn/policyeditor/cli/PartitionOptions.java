package org.aodnn.policyeditor.cli;

import java.nio.file.Path;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.PredictorSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The inputs of {@code aodnn partition} as picocli options, reusable as a {@code @Mixin} or an
 * {@code @ArgGroup(exclusive = false)} by other commands (for example a manifest build without a saved
 * policy). {@link #toSettings()} turns them into {@link PolicySettings}.
 */
public final class PartitionOptions {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Catalog model")
    String model;

    @Option(names = "--mobile-latency", required = true, paramLabel = "FILE",
            description = "CSV with layer_index and latency_ms of every layer in the browser")
    Path mobileLatency;

    @Option(names = "--edge-latency", required = true, paramLabel = "FILE",
            description = "CSV with layer_index and latency_ms of every layer on the edge")
    Path edgeLatency;

    @ArgGroup(exclusive = true, multiplicity = "1")
    EnergyOptions energy;

    @Option(names = "--network", required = true, paramLabel = "3g|4g|wifi",
            description = "Radio power profile of Table I: 3g, 4g or wifi")
    String network;

    @Option(names = "--up", required = true, paramLabel = "MBPS", description = "Uplink bandwidth, Mbit/s")
    double upMbps;

    @Option(names = "--down", required = true, paramLabel = "MBPS", description = "Downlink bandwidth, Mbit/s")
    double downMbps;

    @Option(names = "--t-max", required = true, paramLabel = "MS", description = "Latency bound T_max, ms")
    double tMaxMs;

    @Option(names = "--e-max", required = true, paramLabel = "J", description = "Mobile energy bound E_max, J")
    double eMaxJ;

    @Option(names = "--eta", paramLabel = "X", description = "Weight of energy, ms/J (default: T_max / E_max)")
    Double eta;

    @Option(names = "--weights-cached", description = "The browser already holds the model weights")
    boolean weightsCached;

    @Option(names = "--input-bytes", paramLabel = "N",
            description = "Bytes uploaded for k = 0 (default: 4 x in_elems of the first layer)")
    Long inputBytes;

    /** Exactly one way to get the mobile compute energy. */
    public static final class EnergyOptions {
        @Option(names = "--mobile-energy", required = true, paramLabel = "FILE",
                description = "CSV with layer_index and energy_j of every layer in the browser")
        Path file;

        @Option(names = "--mobile-power-mw", required = true, paramLabel = "P",
                description = "Compute power while inferring, mW (ew = P x tw / 10^6)")
        Double powerMw;

        @Option(names = "--mobile-energy-predictor", required = true, paramLabel = "NAME:PLATFORM[:THREADS]",
                description = {"a stored energy predictor (aodnn fit --quantity energy --save NAME) evaluated for",
                    "every layer on PLATFORM at THREADS threads (default 1), e.g. phone-energy:browser/wasm:8"})
        String predictor;
    }

    /**
     * The policy settings these options describe (CSV paths made absolute). Bad values are an
     * {@link IllegalArgumentException} naming the option.
     */
    public PolicySettings toSettings() {
        requirePositive("--up", upMbps);
        requirePositive("--down", downMbps);
        requirePositive("--t-max", tMaxMs);
        requirePositive("--e-max", eMaxJ);
        if (eta != null && (!Double.isFinite(eta) || eta < 0)) {
            throw new IllegalArgumentException("--eta " + eta + ": must be a finite number >= 0");
        }
        if (inputBytes != null && inputBytes <= 0) {
            throw new IllegalArgumentException("--input-bytes " + inputBytes + ": must be > 0");
        }
        NetworkProfile profile;
        try {
            profile = NetworkProfile.byName(network);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--network " + network + ": expected 3g, 4g or wifi");
        }
        EnergySource energySource;
        if (energy.file != null) {
            energySource = new EnergySource.Csv(absolute(energy.file));
        } else if (energy.predictor != null) {
            energySource = new EnergySource.Predicted(predictorSource(energy.predictor));
        } else {
            requireNonNegative("--mobile-power-mw", energy.powerMw);
            energySource = new EnergySource.ComputePower(energy.powerMw);
        }
        return new PolicySettings(model, new CsvFileSource(absolute(mobileLatency)),
                new CsvFileSource(absolute(edgeLatency)), energySource, profile, upMbps, downMbps, weightsCached,
                tMaxMs, eMaxJ, eta == null ? tMaxMs / eMaxJ : eta, eta == null, inputBytes);
    }

    /** {@code NAME:PLATFORM[:THREADS]} (a platform may contain '/', never ':'). */
    private static PredictorSource predictorSource(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--mobile-energy-predictor " + spec
                    + ": expected NAME:PLATFORM[:THREADS], e.g. phone-energy:browser/wasm:8");
        }
        int threads = 1;
        if (parts.length == 3) {
            try {
                threads = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                threads = -1;
            }
            if (threads < 0) {
                throw new IllegalArgumentException("--mobile-energy-predictor " + spec
                        + ": THREADS must be a whole number >= 0");
            }
        }
        return new PredictorSource(parts[0].trim(), parts[1].trim(), threads);
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private static void requirePositive(String option, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(option + " " + value + ": must be a finite number > 0");
        }
    }

    private static void requireNonNegative(String option, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(option + " " + value + ": must be a finite number >= 0");
        }
    }
}
