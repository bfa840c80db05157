package org.aodnn.edgeconnector.cli;

import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.NodeRegistry;
import org.aodnn.edgeconnector.publish.PublishOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn edge update NAME [--url URL] [--token T | --no-token] [--group G | --no-group]}: fixes a
 * registration in place, so the node keeps its deployment history (remove and add would delete it). The URL
 * gets the checks of {@code edge add}.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a registered node's URL, token or group; its deployment history is kept.")
public final class EdgeUpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "the registered node")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "new base URL of its agent")
    String url;

    @ArgGroup(exclusive = true)
    TokenChange token;

    @ArgGroup(exclusive = true)
    GroupChange group;

    static final class TokenChange {
        @Option(names = "--token", paramLabel = "T", required = true, description = "new bearer token")
        String value;

        @Option(names = "--no-token", required = true, description = "the agent needs no token")
        boolean none;
    }

    static final class GroupChange {
        @Option(names = "--group", paramLabel = "G", required = true, description = "new group")
        String value;

        @Option(names = "--no-group", required = true, description = "take the node out of its group")
        boolean none;
    }

    @Override
    public Integer call() {
        if (url == null && token == null && group == null) {
            throw new CommandFailure("nothing to change: give --url, --token/--no-token or --group/--no-group", 2);
        }
        if (token != null && token.value != null && token.value.isBlank()) {
            throw new CommandFailure("--token is empty; use --no-token for an agent without a token", 2);
        }
        if (group != null && group.value != null && (group.value.isBlank()
                || group.value.chars().anyMatch(Character::isWhitespace))) {
            throw new CommandFailure("--group must be a name without spaces; use --no-group to leave the group", 2);
        }
        NodeRegistry.Edit edit = new NodeRegistry.Edit(url,
                group == null ? null : group.none ? "" : group.value,
                token == null ? null : token.none ? "" : token.value);
        try (Store store = storeOptions.open()) {
            EdgeNode node = new EdgeConsole(store, PublishOptions.DEFAULT).updateNode(name, edit);
            spec.commandLine().getOut().println("updated edge node " + node.name() + ": " + node.url()
                    + (node.group() == null ? "" : " in group " + node.group())
                    + (node.token() == null ? ", no token" : ", with a token"));
        } catch (IllegalArgumentException | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        return 0;
    }
}
