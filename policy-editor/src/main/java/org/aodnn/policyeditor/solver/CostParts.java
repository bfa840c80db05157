package org.aodnn.policyeditor.solver;

/**
 * The parts of {@code T(k)} (ms) and {@code E(k)} (J) at one cut: browser compute, edge compute, model
 * loading and upload time; browser compute, model loading (downlink radio) and upload (uplink radio) energy.
 */
public record CostParts(double twMs, double teMs, double loadMs, double upMs, double ewJ, double loadJ,
                        double upJ) {
}
