package org.aodnn.policyeditor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.policyeditor.policy.PolicyException;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.Baseline;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.source.SourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn partition}: where to cut a catalog model between browser and edge for given latency and
 * energy sources, network and bounds (paper §II.C). No feasible cut is a result, not an error: the
 * output says {@code feasible: false} and shows the least violating cut, and the exit code is 0.
 */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = "Choose the cut of a model between the phone's browser and the edge (T + eta*E under bounds).")
public final class PartitionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    PartitionOptions options;

    @Option(names = "--json", description = "Print the result as one JSON document")
    boolean json;

    @Override
    public Integer call() {
        Evaluation evaluation;
        try {
            PolicySettings settings = options.toSettings();
            try (Store store = storeOptions.open()) {
                ResolvedPolicy policy = PolicyInputs.resolve(store, settings);
                evaluation = policy.evaluate();
            }
        } catch (IllegalArgumentException | CsvFormatException | SourceException | PolicyException
                 | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, PartitionJson.toJson(evaluation));
        } else {
            printText(out, evaluation);
        }
        return 0;
    }

    private static void printText(PrintWriter out, Evaluation ev) {
        CutResult c = ev.chosen();
        out.printf(Locale.ROOT, "%s: %s cut k=%d (%s), T %.3f ms, E %.6f J, objective %.3f, eta %.4g ms/J%n",
                ev.model(), ev.feasible() ? "chosen" : "NO FEASIBLE CUT; least violating", c.k(),
                c.afterLayer() == null ? "all on the edge" : "after " + c.afterLayer(), c.tMs(), c.eJ(),
                c.objective(), ev.eta());
        for (Baseline b : Baseline.values()) {
            CutResult r = ev.baselines().get(b);
            out.printf(Locale.ROOT, "  %-10s k=%-4d T %12.3f ms  E %10.6f J  latency x%.2f  energy x%.2f%n", b.key(),
                    r.k(), r.tMs(), r.eJ(), ev.gainOver(b).latencyFactor(), ev.gainOver(b).energyFactor());
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
}
