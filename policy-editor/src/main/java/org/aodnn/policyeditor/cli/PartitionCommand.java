package org.aodnn.policyeditor.cli;

import java.io.PrintWriter;
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
 * output says {@code feasible: false} and shows the least violating cut, and the exit code is 0. Options out
 * of their physical range, and a computed NaN or Infinity, are errors (see {@link OptionRanges}, {@link FiniteResults}).
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
            options.checkRanges(); // before the database is opened (or created)
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), 2); // bad usage: a value outside its range, an empty name
        }
        try (Store store = storeOptions.open()) {
            PolicySettings settings = options.toSettings(store);
            ResolvedPolicy policy = PolicyInputs.resolve(store, settings);
            evaluation = FiniteResults.require(policy.evaluate());
        } catch (IllegalArgumentException | CsvFormatException | SourceException | PolicyException
                 | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, PartitionJson.toJson(evaluation));
        } else {
            PartitionText.print(out, evaluation);
        }
        return 0;
    }
}
