package org.aodnn.policyeditor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.aodnn.policyeditor.solver.Baseline;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;

/**
 * The text form of a partition decision, as {@code aodnn partition} and {@code aodnn policy show} print it:
 * a headline with the chosen cut, the four baselines, then every valid cut.
 */
final class PartitionText {

    private PartitionText() {
    }

    /** One line: the model, the chosen cut (or the least violating one), its T, E, objective and η. */
    static String headline(Evaluation ev) {
        CutResult c = ev.chosen();
        return String.format(Locale.ROOT, "%s: %s cut k=%d (%s), T %.3f ms, E %.6f J, objective %.3f, eta %.4g ms/J",
                ev.model(), ev.feasible() ? "chosen" : "NO FEASIBLE CUT; least violating", c.k(),
                c.afterLayer() == null ? "all on the edge" : "after " + c.afterLayer(), c.tMs(), c.eJ(),
                c.objective(), ev.eta());
    }

    static void print(PrintWriter out, Evaluation ev) {
        CutResult c = ev.chosen();
        out.println(headline(ev));
        for (Baseline b : Baseline.values()) {
            CutResult r = ev.baselines().get(b);
            out.printf(Locale.ROOT, "  %-10s k=%-4d T %12.3f ms  E %10.6f J  latency %s  energy %s%n", b.key(),
                    r.k(), r.tMs(), r.eJ(), factor(ev.gainOver(b).latencyFactor()),
                    factor(ev.gainOver(b).energyFactor()));
        }
        out.printf(Locale.ROOT, "%6s  %-40s %12s %12s %14s %s%n", "K", "AFTER", "T_MS", "E_J", "OBJECTIVE",
                "FEASIBLE");
        for (CutResult r : ev.cuts()) {
            out.printf(Locale.ROOT, "%6d  %-40s %12.3f %12.6f %14.3f %s%s%n", r.k(),
                    r.afterLayer() == null ? "-" : r.afterLayer(), r.tMs(), r.eJ(), r.objective(),
                    r.feasible() ? "yes" : "no", r.index() == c.index() ? "  <- chosen" : "");
        }
        out.flush();
    }

    /** A gain factor; against a chosen cut of zero cost the factor has no finite value, shown as n/a. */
    private static String factor(double f) {
        return Double.isFinite(f) ? String.format(Locale.ROOT, "x%.2f", f) : "x n/a";
    }
}
