package org.aodnn.policyeditor.solver;

/**
 * How the chosen cut compares with a baseline: {@code latencyFactor = T_baseline / T_chosen} and
 * {@code energyFactor = E_baseline / E_chosen} (above 1: the chosen cut is better), and the absolute savings.
 */
public record Gain(double latencyFactor, double energyFactor, double latencySavedMs, double energySavedJ) {

    public static Gain of(CutResult chosen, CutResult baseline) {
        return new Gain(ratio(baseline.tMs(), chosen.tMs()), ratio(baseline.eJ(), chosen.eJ()),
                baseline.tMs() - chosen.tMs(), baseline.eJ() - chosen.eJ());
    }

    private static double ratio(double baseline, double chosen) {
        if (chosen == 0) {
            return baseline == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return baseline / chosen;
    }
}
