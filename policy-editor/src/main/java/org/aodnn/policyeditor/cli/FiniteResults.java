package org.aodnn.policyeditor.cli;

import java.util.Locale;
import org.aodnn.policyeditor.solver.CostParts;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;

/**
 * The last guard before a decision is printed: every number the commands print (η and each cut's T, E,
 * objective and parts) must be finite. The option ranges keep them finite for sane sources, but a source
 * with absurd per-layer values (a CSV row of 1e307 ms) can still overflow a sum, and NaN or Infinity must
 * never reach an operator or a script as if it were a result.
 */
final class FiniteResults {

    private FiniteResults() {
    }

    /** {@code ev} unchanged when all is finite; else an {@link IllegalArgumentException} naming the first bad number. */
    static Evaluation require(Evaluation ev) {
        if (!Double.isFinite(ev.eta())) {
            throw problem(ev, "eta is " + ev.eta() + " ms/J");
        }
        for (CutResult c : ev.cuts()) {
            CostParts p = c.parts();
            double[] values = {c.tMs(), c.eJ(), c.objective(), p.twMs(), p.teMs(), p.loadMs(), p.upMs(), p.ewJ(),
                p.loadJ(), p.upJ()};
            String[] names = {"T (ms)", "E (J)", "objective", "tw_ms", "te_ms", "load_ms", "up_ms", "ew_j", "load_j",
                "up_j"};
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw problem(ev, String.format(Locale.ROOT, "%s of cut k=%d%s is %s", names[i], c.k(),
                            c.afterLayer() == null ? "" : " (after " + c.afterLayer() + ")", values[i]));
                }
            }
        }
        return ev;
    }

    private static IllegalArgumentException problem(Evaluation ev, String what) {
        return new IllegalArgumentException(ev.model() + ": no finite result: " + what
                + "; the latency or energy sources hold values too large to add up (check their files or stored"
                + " measurements)");
    }
}
