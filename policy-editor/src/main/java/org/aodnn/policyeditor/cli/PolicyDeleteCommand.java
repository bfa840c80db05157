package org.aodnn.policyeditor.cli;

import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.policyeditor.policy.PolicyException;
import org.aodnn.policyeditor.policy.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn policy delete NAME}. Manifests already built from the policy stay recorded (the database
 * keeps them and forgets the link).
 */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a saved policy.")
public final class PolicyDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "policy name")
    String name;

    @Override
    public Integer call() {
        String policyName = PolicyName.forLookup(name);
        try (Store store = storeOptions.open()) {
            PolicyStore policies = new PolicyStore(store);
            if (policies.list().stream().noneMatch(p -> p.name().equals(policyName))) {
                policies.require(policyName); // fails, listing the saved names (a damaged one can still be deleted)
            }
            if (!policies.delete(policyName)) {
                throw new CommandFailure("policy '" + policyName + "' was deleted meanwhile");
            }
        } catch (PolicyException | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("deleted policy '" + policyName + "'");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
