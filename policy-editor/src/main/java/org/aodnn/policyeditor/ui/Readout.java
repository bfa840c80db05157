package org.aodnn.policyeditor.ui;

import java.util.Locale;
import org.aodnn.policyeditor.solver.Baseline;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.Gain;

/** The text readout under the chart: the chosen cut, its T and E, and the gain against each baseline. */
final class Readout {

    private Readout() {
    }

    static String describe(Evaluation e) {
        CutResult c = e.chosen();
        StringBuilder s = new StringBuilder();
        s.append(e.feasible() ? "Chosen cut: " : "No cut meets both bounds; least violating: ")
                .append(cutLabel(c))
                .append(String.format(Locale.ROOT, " — T = %.1f ms, E = %.3f J, objective %.1f (η = %.1f ms/J)",
                        c.tMs(), c.eJ(), c.objective(), e.eta()));
        for (Baseline b : Baseline.values()) {
            Gain g = e.gainOver(b);
            CutResult base = e.baselines().get(b);
            s.append(String.format(Locale.ROOT, "%n  vs %-10s (%s): latency ×%.2f, energy ×%.2f", b.key(),
                    cutLabel(base), g.latencyFactor(), g.energyFactor()));
        }
        return s.toString();
    }

    static String cutLabel(CutResult c) {
        return c.k() == 0 ? "k=0 (edge only)" : "k=" + c.k() + " after " + c.afterLayer();
    }
}
