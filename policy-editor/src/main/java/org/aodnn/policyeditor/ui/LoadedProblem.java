package org.aodnn.policyeditor.ui;

import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.LayerValues;
import org.aodnn.policyeditor.solver.MobileEnergy;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;

/**
 * The model, per-layer latencies and mobile energy source the Policy Editor last read from the database
 * (measured or predicted), kept so that compute-power edits rebuild the problem without reading or predicting
 * again. {@code fixedEnergy} holds the per-layer energies of a measured or predicted energy source, and is null
 * when the energy is the compute power times the mobile latency.
 */
record LoadedProblem(String model, LayerSource mobile, LayerSource edge, EnergySource energy, DnnModel layers,
                     LayerValues mobileMs, LayerValues edgeMs, MobileEnergy fixedEnergy) {

    /** {@code inputBytes}: the input's upload size D_0, null for the model's own (4 x the first layer's inputs). */
    PartitionProblem problem(double computePowerMw, Long inputBytes) {
        return PartitionProblem.of(PartitionInputs.of(layers, mobileMs, edgeMs,
                fixedEnergy != null ? fixedEnergy : new MobileEnergy.ComputePower(computePowerMw), inputBytes));
    }

    /** Whether these were loaded for the given choices (compute powers of any value count as one choice). */
    boolean isFor(String modelName, LayerSource mobileSource, LayerSource edgeSource, EnergySource energySource) {
        boolean sameEnergy = SourceChoices.isComputePower(energy) ? SourceChoices.isComputePower(energySource)
                : energy.equals(energySource);
        return model.equals(modelName) && mobile.equals(mobileSource) && edge.equals(edgeSource) && sameEnergy;
    }
}
