package org.aodnn.policyeditor.ui;

import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.LayerValues;
import org.aodnn.policyeditor.solver.MobileEnergy;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.source.LayerSource;

/**
 * The model and per-layer latencies the Policy Editor last read from the database (measured or predicted),
 * kept so that compute-power edits rebuild the problem without reading or predicting again.
 */
record LoadedProblem(String model, LayerSource mobile, LayerSource edge, DnnModel layers, LayerValues mobileMs,
                     LayerValues edgeMs) {

    PartitionProblem problem(double computePowerMw) {
        return PartitionProblem.of(PartitionInputs.of(layers, mobileMs, edgeMs,
                new MobileEnergy.ComputePower(computePowerMw), null));
    }
}
