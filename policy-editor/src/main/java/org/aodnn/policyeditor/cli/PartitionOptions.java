package org.aodnn.policyeditor.cli;

import java.util.function.Supplier;
import org.aodnn.db.Store;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.policy.PolicyException;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.solver.LayerValues;
import org.aodnn.policyeditor.solver.MobileEnergy;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.SourceException;
import org.aodnn.policyeditor.source.SourceResolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The inputs of {@code aodnn partition} as picocli options, reusable as a {@code @Mixin} or an
 * {@code @ArgGroup(exclusive = false)} by other commands (for example a manifest build without a saved
 * policy) and {@code aodnn policy save}. {@link #toSettings(Store)} turns them into {@link PolicySettings}.
 */
public final class PartitionOptions {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Catalog model")
    String model;

    @Option(names = "--mobile-latency", required = true, paramLabel = "SOURCE",
            description = "Latency of every layer in the browser: a CSV FILE with layer_index and latency_ms; "
                    + "a stored measurement profile, profile:PLATFORM:TARGET[:BACKEND[:THREADS[:BROWSER]]] (parts "
                    + "left out match any stored value, but the spec must match exactly one profile, e.g. "
                    + "profile:reference-browser:browser:wasm:1); or a stored latency predictor, "
                    + "predictor:NAME:PLATFORM[:THREADS] (THREADS default: 0 on a GPU platform, else 1), e.g. "
                    + "predictor:lomo:browser/wasm:1. Errors list the stored profiles and predictors.")
    String mobileLatency;

    @Option(names = "--edge-latency", required = true, paramLabel = "SOURCE",
            description = "Latency of every layer on the edge: FILE, profile:... or predictor:... as for "
                    + "--mobile-latency, e.g. profile:edge-server:gpu or predictor:lomo:gpu")
    String edgeLatency;

    @ArgGroup(exclusive = true, multiplicity = "1")
    EnergyOptions energy;

    @Option(names = "--network", required = true, paramLabel = "3g|4g|wifi",
            description = "Radio power profile of Table I: 3g, 4g or wifi")
    String network;

    @Option(names = "--up", required = true, paramLabel = "MBPS", description = "Uplink bandwidth, Mbit/s (0.001 to 1000000)")
    double upMbps;

    @Option(names = "--down", required = true, paramLabel = "MBPS", description = "Downlink bandwidth, Mbit/s (0.001 to 1000000)")
    double downMbps;

    @Option(names = "--t-max", required = true, paramLabel = "MS", description = "Latency bound T_max, ms (0.001 to 1e9)")
    double tMaxMs;

    @Option(names = "--e-max", required = true, paramLabel = "J", description = "Mobile energy bound E_max, J (1e-6 to 1e6)")
    double eMaxJ;

    @Option(names = "--eta", paramLabel = "X", description = "Weight of energy, ms/J, 0 to 1e15 (default: T_max / E_max)")
    Double eta;

    @Option(names = "--weights-cached", description = "The browser already holds the model weights")
    boolean weightsCached;

    @Option(names = "--input-bytes", paramLabel = "N",
            description = "Bytes uploaded for k = 0, at most 1e12 (default: 4 x in_elems of the first layer)")
    Long inputBytes;

    /** Exactly one way to get the mobile compute energy. */
    public static final class EnergyOptions {
        @Option(names = "--mobile-energy", required = true, paramLabel = "SOURCE",
                description = "Energy of every layer in the browser: a CSV FILE with layer_index and energy_j, "
                        + "or the measured energy of a stored profile, "
                        + "profile:PLATFORM:TARGET[:BACKEND[:THREADS[:BROWSER]]] (as for --mobile-latency)")
        String source;

        @Option(names = "--mobile-power-mw", required = true, paramLabel = "P",
                description = "Compute power while inferring, mW (ew = P x tw / 10^6), 0 to 100000")
        Double powerMw;

        @Option(names = "--mobile-energy-predictor", required = true, paramLabel = "NAME:PLATFORM[:THREADS]",
                description = "A stored energy predictor (aodnn fit --quantity energy --save NAME) evaluated for "
                        + "every layer on PLATFORM at THREADS threads (default 1; 0 on a GPU platform), e.g. "
                        + "phone-energy:browser/wasm:8")
        String predictor;
    }

    /**
     * The policy settings these options describe, every source checked against {@code store}: a stored
     * profile or predictor is looked up (and a profile given in part completed), and each source must give
     * a value for every layer of the model. Bad values are an {@link IllegalArgumentException} naming the
     * option (and, for stored sources, listing what is stored).
     */
    public PolicySettings toSettings(Store store) {
        checkRanges();
        DnnModel layers;
        try {
            layers = PolicyInputs.model(store, model);
        } catch (PolicyException e) {
            throw new IllegalArgumentException("--model " + model + ": " + e.getMessage(), e);
        }
        LayerSource mobile = SourceSpec.latency("--mobile-latency", mobileLatency, store);
        LayerSource edge = SourceSpec.latency("--edge-latency", edgeLatency, store);
        EnergySource energySource = energySource(store);
        SourceResolver sources = new SourceResolver(store);
        LayerValues mobileValues = check("--mobile-latency", mobileLatency, mobile,
                () -> sources.latencies(mobile, layers));
        check("--edge-latency", edgeLatency, edge, () -> sources.latencies(edge, layers));
        if (energySource instanceof EnergySource.ComputePower power) {
            requireFiniteEnergy(power, mobileValues, layers);
        } else {
            String option = energy.predictor != null ? "--mobile-energy-predictor" : "--mobile-energy";
            String value = energy.predictor != null ? energy.predictor : energy.source;
            check(option, value, energySource, () -> sources.energy(energySource, layers));
        }
        return settings(mobile, edge, energySource);
    }

    private PolicySettings settings(LayerSource mobile, LayerSource edge, EnergySource energySource) {
        return new PolicySettings(model, mobile, edge, energySource, networkProfile(), upMbps, downMbps,
                weightsCached, tMaxMs, eMaxJ, eta == null ? tMaxMs / eMaxJ : eta, eta == null, inputBytes);
    }

    /**
     * The network name is known and every number in its physical range (see {@link OptionRanges} for why
     * these ranges), else an {@link IllegalArgumentException} naming the option; needs no database, so
     * commands check it before opening (or creating) one.
     */
    public void checkRanges() {
        networkProfile();
        OptionRanges.require("--up", upMbps, OptionRanges.MIN_MBPS, OptionRanges.MAX_MBPS, "Mbit/s");
        OptionRanges.require("--down", downMbps, OptionRanges.MIN_MBPS, OptionRanges.MAX_MBPS, "Mbit/s");
        OptionRanges.require("--t-max", tMaxMs, OptionRanges.MIN_T_MAX_MS, OptionRanges.MAX_T_MAX_MS, "ms");
        OptionRanges.require("--e-max", eMaxJ, OptionRanges.MIN_E_MAX_J, OptionRanges.MAX_E_MAX_J, "J");
        if (eta != null) {
            OptionRanges.require("--eta", eta, 0, OptionRanges.MAX_ETA, "ms/J");
        }
        if (inputBytes != null) {
            OptionRanges.require("--input-bytes", inputBytes, 1, OptionRanges.MAX_INPUT_BYTES, "bytes");
        }
        if (energy.powerMw != null) {
            OptionRanges.require("--mobile-power-mw", energy.powerMw, 0, OptionRanges.MAX_POWER_MW, "mW");
        }
    }

    private NetworkProfile networkProfile() {
        try {
            return NetworkProfile.byName(network);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--network " + network + ": expected 3g, 4g or wifi");
        }
    }

    private EnergySource energySource(Store store) {
        if (energy.source != null) {
            return SourceSpec.energy("--mobile-energy", energy.source, store);
        }
        if (energy.predictor != null) {
            return new EnergySource.Predicted(SourceSpec.energyPredictor("--mobile-energy-predictor",
                    energy.predictor, store));
        }
        return new EnergySource.ComputePower(energy.powerMw);
    }

    /**
     * P·tw of every layer is finite: a finite but absurd latency (1e307 ms) times a sane power overflows,
     * and the solver would only say which layer, not which options.
     */
    private void requireFiniteEnergy(EnergySource.ComputePower power, LayerValues mobile, DnnModel layers) {
        double[] joules = new MobileEnergy.ComputePower(power.milliwatts()).perLayerJoules(mobile.toArray());
        for (int i = 0; i < joules.length; i++) {
            if (!Double.isFinite(joules[i])) {
                throw new IllegalArgumentException("--mobile-power-mw " + OptionRanges.format(power.milliwatts())
                        + " x --mobile-latency " + mobileLatency + ": layer " + i + " ("
                        + layers.layers().get(i).layerName() + ") takes " + OptionRanges.format(mobile.get(i))
                        + " ms, which gives no finite energy; the latency source holds values too large");
            }
        }
    }

    /** Reads a source once so that a missing layer, file or platform is reported under its option. */
    private static <T> T check(String option, String value, Object source, Supplier<T> read) {
        try {
            return read.get();
        } catch (SourceException | CsvFormatException e) {
            // a file's message already names the file; a stored source's names the profile or predictor
            throw new IllegalArgumentException(option + (source instanceof CsvFileSource
                    || source instanceof EnergySource.Csv ? "" : " " + value) + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + value + ": " + e.getMessage(), e);
        }
    }
}
