package org.aodnn.policyeditor.cli;

import java.io.PrintWriter;
import java.util.Optional;
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
 * {@code aodnn policy save NAME <options of aodnn partition> [--replace]}: stores the settings as the
 * Policy Editor's Save does. The settings are solved first, so a policy whose sources cannot be read, or
 * that gives no finite decision, is refused and nothing is stored; an existing name is replaced only with
 * {@code --replace}.
 */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = "Save the options of 'aodnn partition' as a named policy, as the Policy Editor's Save does, "
                + "after checking that they give a decision.")
public final class PolicySaveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "policy name (trimmed; at most 200 characters)")
    String name;

    @Mixin
    PartitionOptions options;

    @Option(names = "--replace", description = "replace the policy NAME if it exists (otherwise an existing name is refused)")
    boolean replace;

    @Option(names = "--json", description = "Print the saved policy as 'aodnn policy show NAME --json' does, plus \"replaced\"")
    boolean json;

    @Override
    public Integer call() {
        String policyName = PolicyName.forSave(name);
        try {
            options.checkRanges(); // before the database is opened (or created)
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), 2); // bad usage: a value outside its range, an empty name
        }
        SavedPolicy saved;
        Evaluation decision;
        boolean replaced;
        try (Store store = storeOptions.open()) {
            PolicyStore policies = new PolicyStore(store);
            Optional<PolicyStore.PolicySummary> existing = policies.list().stream()
                    .filter(p -> p.name().equals(policyName)).findFirst();
            if (existing.isPresent() && !replace) {
                PolicyStore.PolicySummary p = existing.get();
                throw new CommandFailure("policy '" + policyName + "' already exists (for " + p.model() + ", updated "
                        + p.updatedAt() + "): add --replace to overwrite it, or choose another name");
            }
            PolicySettings settings = options.toSettings(store);
            decision = FiniteResults.require(PolicyInputs.resolve(store, settings).evaluate());
            replaced = existing.isPresent();
            // without --replace the insert itself refuses an existing name: a concurrent save cannot slip in
            saved = replace ? policies.save(policyName, settings) : policies.create(policyName, settings);
        } catch (IllegalArgumentException | CsvFormatException | SourceException | PolicyException
                 | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, PolicyReport.json(saved, decision, null).put("replaced", replaced));
        } else {
            out.println((replaced ? "replaced" : "saved") + " policy '" + saved.name() + "'");
            out.println(PartitionText.headline(decision));
            out.flush();
        }
        return 0;
    }
}
