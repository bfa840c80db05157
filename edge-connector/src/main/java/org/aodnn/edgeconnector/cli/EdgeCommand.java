package org.aodnn.edgeconnector.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeStatus;
import org.aodnn.edgeconnector.publish.NodeStatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aodnn edge}: run an agent, or manage the console's registry of edge nodes. */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Edge agents: run one (serve), register nodes (add, update, remove), check them (status).",
        subcommands = {EdgeServeCommand.class, EdgeCommand.Add.class, EdgeUpdateCommand.class, EdgeCommand.Remove.class,
            EdgeCommand.Status.class, EdgeBenchCommand.class})
public final class EdgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code aodnn edge add NAME URL [--group G] [--token T]}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register an edge node (its agent's base URL).")
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME", description = "a name for the node")
        String name;

        @Parameters(index = "1", paramLabel = "URL", description = "base URL of its agent, e.g. https://edge1.example.org:8787")
        String url;

        @Option(names = "--group", paramLabel = "G", description = "group to publish to together")
        String group;

        @Option(names = "--token", paramLabel = "T", description = "bearer token the agent was started with")
        String token;

        @Override
        public Integer call() {
            try (Store store = storeOptions.open()) {
                EdgeNode node = new EdgeConsole(store, PublishOptions.DEFAULT).addNode(name, url, group, token);
                spec.commandLine().getOut().println("registered edge node " + node.name() + " at " + node.url()
                        + (node.group() == null ? "" : " in group " + node.group()));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), e);
            } catch (StoreException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            return 0;
        }
    }

    /** {@code aodnn edge remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an edge node from the registry.")
    public static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Store store = storeOptions.open()) {
                if (!new EdgeNodeRepository(store.dsl()).remove(name)) {
                    throw new CommandFailure("no edge node named '" + name + "'");
                }
            }
            spec.commandLine().getOut().println("removed edge node " + name);
            return 0;
        }
    }

    /**
     * {@code aodnn edge status [--json]}: checks every registered node now; exit 1 when any node is not ok
     * (unreachable, token refused, in error), after printing all of them, so a script can tell a dead node.
     */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Check every registered node (health, served manifests, last deployment).",
                "Exit 1 when any node is not ok (unreachable, token refused, in error)."})
    public static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "3000",
                description = "deadline of each call to a node, for its whole answer (default ${DEFAULT-VALUE})")
        long timeoutMs;

        @Option(names = "--json", description = "Print the statuses as one JSON document")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            if (timeoutMs <= 0) {
                throw new CommandFailure("--timeout-ms must be > 0", 2);
            }
            List<NodeStatus> statuses;
            try (Store store = storeOptions.open()) {
                statuses = new NodeStatusService(store, new EdgeClient(Duration.ofMillis(timeoutMs))).pollAll();
            } catch (StoreException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode doc = Json.object();
                ArrayNode nodes = doc.putArray("nodes");
                statuses.forEach(s -> nodes.add(toJson(s)));
                Json.print(out, doc);
            } else {
                if (statuses.isEmpty()) {
                    out.println("no edge nodes registered (aodnn edge add NAME URL)");
                }
                for (NodeStatus s : statuses) {
                    out.printf(Locale.ROOT, "%-16s %-11s %5d ms  %s  %s%n", s.node().name(), s.health().status(),
                            s.health().roundTripMs(), s.node().url(), s.health().message());
                }
            }
            out.flush();
            List<String> notOk = statuses.stream().filter(s -> !s.health().ok())
                    .map(s -> s.node().name() + " (" + s.health().status() + ")").toList();
            if (!notOk.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(notOk.size() + " of " + statuses.size() + " edge node(s) not ok: " + String.join(", ", notOk));
                err.flush();
                return 1;
            }
            return 0;
        }

        static ObjectNode toJson(NodeStatus s) {
            ObjectNode n = Json.object();
            n.put("name", s.node().name());
            n.put("url", s.node().url());
            n.put("group", s.node().group());
            n.put("status", s.health().status());
            n.put("message", s.health().message());
            n.put("round_trip_ms", s.health().roundTripMs());
            n.put("agent_version", s.health().agentVersion());
            if (s.health().uptimeS() != null) {
                n.put("uptime_s", s.health().uptimeS());
            }
            n.put("checked_at", s.health().checkedAt().toString());
            if (s.servedManifests() != null) {
                n.set("manifests", s.servedManifests());
            } else {
                n.putNull("manifests");
            }
            DeploymentEntry d = s.lastDeployment();
            if (d == null) {
                n.putNull("last_deployment");
            } else {
                ObjectNode last = n.putObject("last_deployment");
                last.put("model", d.model());
                last.put("manifest_version", d.manifestVersion());
                last.put("status", d.status());
                last.put("rollout", d.rollout());
                if (d.deployedVersion() == null) {
                    last.putNull("deployed_version");
                } else {
                    last.put("deployed_version", d.deployedVersion());
                }
                last.put("message", d.message());
                last.put("finished_at", d.finishedAt() == null ? null : d.finishedAt().toString());
            }
            return n;
        }
    }
}
