package org.aodnn.policyeditor.solver;

/**
 * One valid cut evaluated under a scenario. {@code index} is the cut's position among the valid cuts,
 * {@code k} the number of layers run in the browser, {@code afterLayer} the name of layer k (the row with
 * {@code layer_index} k − 1), null for k = 0.
 */
public record CutResult(int index, int k, String afterLayer, double tMs, double eJ, double objective,
                        boolean feasible, CostParts parts) {
}
