package org.aodnn.policyeditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn policy}: the Policy Editor's saved policies from the command line. A policy saved here is
 * stored exactly as the editor's Save stores it (through {@link org.aodnn.policyeditor.policy.PolicyStore}),
 * so either side loads what the other saved, and {@code aodnn manifest build --policy NAME} reads both.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Save, list, show and delete named partition policies (as the Policy Editor saves them).",
        subcommands = {PolicySaveCommand.class, PolicyListCommand.class, PolicyShowCommand.class,
            PolicyDeleteCommand.class})
public final class PolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
