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
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.policy.SavedPolicy;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.source.SourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn policy show NAME [--json]}: the settings as stored and the decision they give now, printed
 * as {@code aodnn partition} prints it. When the settings give no decision now (a CSV file moved, a profile
 * or predictor deleted), the settings are still shown, the reason follows, and the exit code is 1.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a saved policy's settings and the decision they give now (chosen cut, T, E, feasibility).")
public final class PolicyShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "policy name")
    String name;

    @Option(names = "--json", description = "Print {name, model, created_at, updated_at, settings, decision, decision_error}")
    boolean json;

    @Override
    public Integer call() {
        String policyName = PolicyName.forLookup(name);
        SavedPolicy saved;
        Evaluation decision = null;
        String decisionError = null;
        try (Store store = storeOptions.open()) {
            saved = new PolicyStore(store).require(policyName);
            try {
                // by name: a source that fails is named with the policy and its role (browser/edge latency, energy)
                decision = FiniteResults.require(PolicyInputs.resolve(store, saved.name()).evaluate());
            } catch (IllegalArgumentException | CsvFormatException | SourceException | PolicyException e) {
                decisionError = e.getMessage();
            }
        } catch (PolicyException | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, PolicyReport.json(saved, decision, decisionError));
        } else {
            PolicyReport.printSettings(out, saved);
            if (decision != null) {
                PartitionText.print(out, decision);
            }
        }
        if (decisionError != null) {
            throw new CommandFailure(decisionError.startsWith("policy '" + saved.name() + "'") ? decisionError
                    : "policy '" + saved.name() + "' gives no decision now: " + decisionError);
        }
        return 0;
    }
}
