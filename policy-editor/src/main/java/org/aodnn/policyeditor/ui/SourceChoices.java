package org.aodnn.policyeditor.ui;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.StoredPredictors;

/**
 * What the Policy Editor offers, read from the database in one background step: the catalog models, the
 * latency sources (measured profiles first, then the stored predictors' platforms), the mobile energy sources
 * (a compute power, profiles that measured energy, stored energy predictors) and the saved policies.
 */
record SourceChoices(List<String> models, List<LayerSource> latencySources, List<EnergySource> energySources,
                     List<String> policies) {

    /**
     * The choice "compute power x mobile latency": its power is the editor's own field, so this item stands
     * for every {@link EnergySource.ComputePower} (see {@link #isComputePower}).
     */
    static final EnergySource COMPUTE_POWER = new EnergySource.ComputePower(0);

    static final MeasurementProfile DEFAULT_MOBILE = new MeasurementProfile("reference-browser", "browser", "wasm", "", 1);
    static final MeasurementProfile DEFAULT_EDGE = new MeasurementProfile("edge-server", "gpu", "", "", 0);

    static SourceChoices load(Store store) {
        MeasuredProfiles profiles = new MeasuredProfiles(store);
        StoredPredictors.Sources predictors = new StoredPredictors(store).sources();
        List<LayerSource> sources = new ArrayList<>();
        profiles.list().forEach(p -> sources.add(p.profile()));
        sources.addAll(predictors.latency());
        List<EnergySource> energy = new ArrayList<>();
        energy.add(COMPUTE_POWER);
        profiles.withEnergy().forEach(p -> energy.add(new EnergySource.Measured(p.profile())));
        predictors.energy().forEach(p -> energy.add(new EnergySource.Predicted(p)));
        return new SourceChoices(store.models().names(), List.copyOf(sources), List.copyOf(energy),
                new PolicyStore(store).list().stream().map(PolicyStore.PolicySummary::name).toList());
    }

    /**
     * A warning when the browser latencies and the measured energies come from different devices (stored
     * profiles): a partition mixing one phone's timing with another's energy is seldom what is meant. Empty
     * otherwise, including for predicted sources, which name no device.
     */
    static String deviceMismatch(LayerSource mobile, EnergySource energy) {
        if (mobile instanceof MeasurementProfile m && energy instanceof EnergySource.Measured e
                && !m.platform().equals(e.profile().platform())) {
            return " (note: browser latency measured on " + m.platform() + ", energy on " + e.profile().platform()
                    + ")";
        }
        return "";
    }

    static boolean isComputePower(EnergySource source) {
        return source == null || source instanceof EnergySource.ComputePower;
    }

    /** The stored profile matching {@code wanted} in all but the browser version, else the first source. */
    static LayerSource like(MeasurementProfile wanted, List<LayerSource> sources) {
        return sources.stream()
                .filter(s -> s instanceof MeasurementProfile p && p.platform().equals(wanted.platform())
                        && p.target().equals(wanted.target()) && p.backend().equals(wanted.backend())
                        && p.threads() == wanted.threads())
                .findFirst().orElse(sources.isEmpty() ? null : sources.get(0));
    }
}
