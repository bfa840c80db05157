package org.aodnn.policyeditor.solver;

/**
 * The solver's choice without the per-cut detail: the cut (position {@code index} among the valid cuts,
 * {@code k} browser layers), its T (ms), E (J) and objective. {@code feasible} is false when no cut meets
 * both bounds; the cut is then the least violating one (see {@link PartitionProblem}).
 */
public record Decision(int index, int k, double tMs, double eJ, double objective, boolean feasible) {
}
