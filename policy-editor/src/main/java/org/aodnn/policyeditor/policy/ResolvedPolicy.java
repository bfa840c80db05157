package org.aodnn.policyeditor.policy;

import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.Decision;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;

/**
 * A policy made ready to solve: its settings, the catalog model, the prepared problem (per-layer inputs
 * with prefix sums) and the scenario of its settings. {@code name} is null for unsaved settings.
 */
public record ResolvedPolicy(String name, PolicySettings settings, DnnModel model, PartitionProblem problem,
                             Scenario scenario) {

    /** All cuts, the chosen one and the baselines under the policy's own scenario. */
    public Evaluation evaluate() {
        return problem.evaluate(scenario);
    }

    public Decision decide() {
        return problem.decide(scenario);
    }
}
