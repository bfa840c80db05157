package org.aodnn.policyeditor.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every valid cut evaluated under one scenario (ascending k), the chosen cut and the baselines: what the
 * Policy Editor's main chart and readout show.
 */
public record Evaluation(String model, Scenario scenario, double eta, boolean feasible, CutResult chosen,
                         List<CutResult> cuts, Baselines baselines) {

    public Evaluation {
        cuts = List.copyOf(cuts);
    }

    public Gain gainOver(Baseline baseline) {
        return Gain.of(chosen, baselines.get(baseline));
    }

    /**
     * The Pareto front of (T, E) over all valid cuts, feasible or not, by ascending T: the cuts no other
     * cut beats on both T and E (at least as good on both and better on one). Of cuts with identical
     * (T, E) only the smallest k is kept.
     */
    public List<CutResult> paretoFront() {
        List<CutResult> sorted = new ArrayList<>(cuts);
        sorted.sort(Comparator.comparingDouble(CutResult::tMs).thenComparingDouble(CutResult::eJ)
                .thenComparingInt(CutResult::k));
        List<CutResult> front = new ArrayList<>();
        double bestE = Double.POSITIVE_INFINITY;
        for (CutResult c : sorted) {
            if (c.eJ() < bestE) {
                front.add(c);
                bestE = c.eJ();
            }
        }
        return front;
    }
}
