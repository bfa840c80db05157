package org.aodnn.policyeditor.ui;

import java.util.List;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;

/**
 * Slider scales for a model: the T_max and E_max slider ends (a round number above the costliest cut) and
 * starting bounds at the median cut, so a freshly chosen model shows feasible and infeasible cuts both.
 */
record BoundScales(double tMaxLimit, double eMaxLimit, double medianT, double medianE) {

    static BoundScales of(PartitionProblem problem, Scenario scenario) {
        Scenario unbounded = new Scenario(scenario.network(), scenario.upMbps(), scenario.downMbps(),
                scenario.weightsCached(), Double.MAX_VALUE, Double.MAX_VALUE, 0.0);
        List<CutResult> cuts = problem.evaluate(unbounded).cuts();
        double[] ts = cuts.stream().mapToDouble(CutResult::tMs).sorted().toArray();
        double[] es = cuts.stream().mapToDouble(CutResult::eJ).sorted().toArray();
        return new BoundScales(niceCeiling(ts[ts.length - 1] * 1.25), niceCeiling(es[es.length - 1] * 1.25),
                round3(ts[ts.length / 2] * 1.1), round3(es[es.length / 2] * 1.1));
    }

    /** The smallest 1-2-2.5-5 × 10^n at or above {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** {@code value} rounded to three significant digits. */
    static double round3(double value) {
        if (value == 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2);
        return Math.round(value / magnitude) * magnitude;
    }
}
