package org.aodnn.policyeditor.policy;

import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;

/**
 * Everything a saved policy fixes: the catalog model, where mobile latency, edge latency and mobile energy
 * come from, the network profile (Table I values or edited ones), bandwidths (Mbit/s), whether the weights
 * are cached, the bounds {@code T_max} (ms) and {@code E_max} (J), η (ms/J) and whether η is linked to the
 * bounds, and the input bytes {@code D_0} ({@code null}: 4·in_elems of the first layer).
 * When {@code etaLinked}, {@code eta} is normalised to {@code T_max / E_max}.
 * JSON form: {@link PolicyJson}.
 */
public record PolicySettings(String model, LayerSource mobileLatency, LayerSource edgeLatency,
                             EnergySource mobileEnergy, NetworkProfile network, double upMbps, double downMbps,
                             boolean weightsCached, double tMaxMs, double eMaxJ, double eta, boolean etaLinked,
                             Long inputBytes) {

    public PolicySettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a policy needs a model");
        }
        if (mobileLatency == null || edgeLatency == null || mobileEnergy == null) {
            throw new IllegalArgumentException("policy for " + model
                    + " needs a mobile latency, an edge latency and a mobile energy source");
        }
        if (inputBytes != null && inputBytes <= 0) {
            throw new IllegalArgumentException("input bytes must be > 0, got " + inputBytes);
        }
        if (etaLinked && Double.isFinite(tMaxMs) && Double.isFinite(eMaxJ) && eMaxJ > 0) {
            eta = tMaxMs / eMaxJ;
        }
        // Validates network, bandwidths, bounds and η.
        new Scenario(network, upMbps, downMbps, weightsCached, tMaxMs, eMaxJ, etaLinked ? null : eta);
    }

    /** Settings whose live part comes from {@code scenario}. */
    public static PolicySettings of(String model, LayerSource mobileLatency, LayerSource edgeLatency,
                                    EnergySource mobileEnergy, Scenario scenario, Long inputBytes) {
        return new PolicySettings(model, mobileLatency, edgeLatency, mobileEnergy, scenario.network(),
                scenario.upMbps(), scenario.downMbps(), scenario.weightsCached(), scenario.tMaxMs(),
                scenario.eMaxJ(), scenario.eta(), scenario.etaLinked(), inputBytes);
    }

    /** The live part, for {@link org.aodnn.policyeditor.solver.PartitionProblem#evaluate}. */
    public Scenario toScenario() {
        return new Scenario(network, upMbps, downMbps, weightsCached, tMaxMs, eMaxJ, etaLinked ? null : eta);
    }

    /** These settings with the live part replaced by {@code scenario} (sources and model unchanged). */
    public PolicySettings withScenario(Scenario scenario) {
        return of(model, mobileLatency, edgeLatency, mobileEnergy, scenario, inputBytes);
    }
}
