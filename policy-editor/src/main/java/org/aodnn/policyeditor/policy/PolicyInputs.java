package org.aodnn.policyeditor.policy;

import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.LayerValues;
import org.aodnn.policyeditor.solver.MobileEnergy;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.source.SourceException;
import org.aodnn.policyeditor.source.SourceResolver;

/**
 * Builds the solver's input for policy settings from the database: the model's layer table from the
 * catalog and the per-layer latencies and energies from the settings' sources (stored measurement
 * profiles or CSV files). This is the entry point for anything that turns a saved policy into decisions,
 * such as the manifest builder:
 * <pre>
 *   try (Store store = Store.open(path)) {
 *       ResolvedPolicy policy = PolicyInputs.resolve(store, "my-policy");
 *       PartitionInputs layers = policy.problem().inputs();   // per-layer tw, te, ew, bytes; D_0
 *       Evaluation now = policy.evaluate();                    // cuts, chosen cut, baselines
 *       BandwidthSweep table = policy.problem().sweepUplink(policy.scenario(), BandwidthSweep.logSpaced(1, 100, 100));
 *   }
 * </pre>
 * Errors ({@link PolicyException}, {@link org.aodnn.policyeditor.source.SourceException},
 * {@link org.aodnn.db.csv.CsvFormatException}) name the policy, model, source or file concerned.
 */
public final class PolicyInputs {

    private PolicyInputs() {
    }

    /** The solver input of {@code settings}. */
    public static PartitionInputs build(Store store, PolicySettings settings) {
        return build(store, null, settings, model(store, settings.model()));
    }

    /** The saved policy {@code policyName}, resolved: settings, model, prepared problem and scenario. */
    public static ResolvedPolicy resolve(Store store, String policyName) {
        SavedPolicy saved = new PolicyStore(store).require(policyName);
        return resolve(store, saved.name(), saved.settings());
    }

    /** Unsaved settings, resolved (the returned policy has no name). */
    public static ResolvedPolicy resolve(Store store, PolicySettings settings) {
        return resolve(store, null, settings);
    }

    private static ResolvedPolicy resolve(Store store, String name, PolicySettings settings) {
        DnnModel model = model(store, settings.model());
        PartitionInputs inputs = build(store, name, settings, model);
        return new ResolvedPolicy(name, settings, model, PartitionProblem.of(inputs), settings.toScenario());
    }

    private static PartitionInputs build(Store store, String name, PolicySettings settings, DnnModel model) {
        SourceResolver sources = new SourceResolver(store);
        LayerValues mobile = read(name, "browser latency", () -> sources.latencies(settings.mobileLatency(), model));
        LayerValues edge = read(name, "edge latency", () -> sources.latencies(settings.edgeLatency(), model));
        MobileEnergy energy = read(name, "mobile energy", () -> sources.energy(settings.mobileEnergy(), model));
        return PartitionInputs.of(model, mobile, edge, energy, settings.inputBytes());
    }

    /**
     * Reads one of a saved policy's sources; a failure names the policy and which of its sources failed (a
     * policy keeps a CSV source by its path: a file moved or edited since shows up here, long after the save).
     */
    private static <T> T read(String policy, String role, java.util.function.Supplier<T> source) {
        if (policy == null) {
            return source.get(); // unsaved settings: the caller names its options
        }
        try {
            return source.get();
        } catch (SourceException | org.aodnn.db.csv.CsvFormatException e) {
            throw new SourceException("policy '" + policy + "', its " + role + " source: " + e.getMessage(), e);
        }
    }

    /** The catalog model {@code name}, or a {@link PolicyException} saying it is not in the catalog. */
    public static DnnModel model(Store store, String name) {
        return store.models().find(name).orElseThrow(() -> new PolicyException("no model named '" + name
                + "' in the catalog (see aodnn models)"));
    }
}
