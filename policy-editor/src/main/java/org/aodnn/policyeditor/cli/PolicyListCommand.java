package org.aodnn.policyeditor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.cli.TextTable;
import org.aodnn.policyeditor.policy.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aodnn policy list [--json]}: the saved policies by name, with their model and times. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved policies.")
public final class PolicyListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json", description = "Print {\"policies\": [{name, model, created_at, updated_at}]}")
    boolean json;

    @Override
    public Integer call() {
        List<PolicyStore.PolicySummary> policies;
        try (Store store = storeOptions.open()) {
            policies = new PolicyStore(store).list();
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode doc = Json.object();
            ArrayNode array = doc.putArray("policies");
            for (PolicyStore.PolicySummary p : policies) {
                array.addObject().put("name", p.name()).put("model", p.model())
                        .put("created_at", String.valueOf(p.createdAt())).put("updated_at", String.valueOf(p.updatedAt()));
            }
            Json.print(out, doc);
        } else if (policies.isEmpty()) {
            out.println("no saved policies (save one with aodnn policy save NAME ...)");
            out.flush();
        } else {
            TextTable table = new TextTable("NAME", "MODEL", "CREATED", "UPDATED");
            policies.forEach(p -> table.row(p.name(), p.model(), p.createdAt(), p.updatedAt()));
            table.print(out);
        }
        return 0;
    }
}
