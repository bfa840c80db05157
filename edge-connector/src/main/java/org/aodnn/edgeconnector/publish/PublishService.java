package org.aodnn.edgeconnector.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.edgeconnector.build.ManifestCatalog;
import org.aodnn.edgeconnector.manifest.SignedManifest;

/**
 * Console-side publishing: picks the registered nodes (by name or group), records the manifest if the
 * database does not have it yet, runs the {@link Publisher} and stores each node's result as a deployment.
 * A selected node whose registration cannot be used (a URL stored before the URL checks, say) is reported
 * as that node's failure; the rollout still goes to the other nodes, and the publication does not count
 * as a success.
 */
public final class PublishService {

    private final Store store;
    private final EdgeClient client;
    private final PublishOptions options;

    public PublishService(Store store, EdgeClient client, PublishOptions options) {
        this.store = store;
        this.client = client;
        this.options = options;
    }

    /** Which registered nodes: the named ones, in that order (a name given twice counts once), or every node of a group. */
    public record NodeSelection(List<String> names, String group) {
        public NodeSelection {
            // "--nodes a,a" must not send to the same agent twice at once
            names = names == null ? List.of() : List.copyOf(new LinkedHashSet<>(names));
            if (names.isEmpty() == (group == null)) {
                throw new IllegalArgumentException("choose nodes by name or by group (exactly one of them)");
            }
        }

        public static NodeSelection names(List<String> names) {
            return new NodeSelection(names, null);
        }

        public static NodeSelection group(String group) {
            return new NodeSelection(null, group);
        }
    }

    /** What to publish where, and how. */
    public record Request(SignedManifest manifest, NodeSelection selection, Rollout rollout) {
    }

    /**
     * The selected nodes in order: those that can be reached ({@code targets}) and those whose registration
     * cannot be used, with why ({@code unusable}).
     */
    public record ResolvedNodes(List<String> order, List<NodeTarget> targets, Map<String, String> unusable) {
        public ResolvedNodes {
            order = List.copyOf(order);
            targets = List.copyOf(targets);
            unusable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unusable));
        }

        public int size() {
            return order.size();
        }
    }

    public ResolvedNodes resolveNodes(NodeSelection selection) {
        EdgeNodeRepository nodes = new EdgeNodeRepository(store.dsl());
        List<EdgeNode> chosen = new ArrayList<>();
        if (selection.group() != null) {
            chosen.addAll(nodes.inGroup(selection.group()));
            if (chosen.isEmpty()) {
                throw new StoreException("no edge node is in group '" + selection.group() + "'");
            }
        } else {
            for (String name : selection.names()) {
                chosen.add(nodes.find(name).orElseThrow(() -> new StoreException("no edge node named '" + name
                        + "' (register it with: aodnn edge add " + name + " URL)")));
            }
        }
        List<String> order = new ArrayList<>();
        List<NodeTarget> targets = new ArrayList<>();
        Map<String, String> unusable = new LinkedHashMap<>();
        for (EdgeNode node : chosen) {
            if (order.contains(node.name())) {
                continue;
            }
            order.add(node.name());
            try {
                targets.add(NodeTarget.of(node));
            } catch (IllegalArgumentException e) {
                unusable.put(node.name(), e.getMessage());
            }
        }
        return new ResolvedNodes(order, targets, unusable);
    }

    /** Resolves the nodes, publishes and stores the deployments. */
    public PublishReport publish(Request request, PublishListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        return publish(request, resolveNodes(request.selection()), listener, cancelled);
    }

    PublishReport publish(Request request, ResolvedNodes nodes, PublishListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        ManifestEntry entry = new ManifestCatalog(store).ensureStored(request.manifest());
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        Map<String, NodeOutcome> notAttempted = new LinkedHashMap<>();
        nodes.unusable().forEach((name, why) -> {
            String message = "not attempted: " + why;
            notAttempted.put(name, new NodeOutcome(name, NodeState.FAILED, null, 0, message, start, Instant.now()));
            listener.nodeChanged(name, NodeState.FAILED, message);
        });
        PublishReport report = nodes.targets().isEmpty() ? null
                : new Publisher(client, options).publish(request.manifest(), nodes.targets(), request.rollout(),
                        listener, cancelled);
        if (!notAttempted.isEmpty()) {
            report = withNotAttempted(request, nodes, report, notAttempted, (System.nanoTime() - startNanos) / 1_000_000);
        }
        List<DeploymentRepository.NewDeployment> rows = new ArrayList<>();
        for (NodeOutcome o : report.nodes()) {
            rows.add(new DeploymentRepository.NewDeployment(entry.id(), o.node(), request.rollout().label(),
                    o.state().label(), o.deployedVersion() == null ? null : Math.toIntExact(o.deployedVersion()),
                    o.message(), OffsetDateTime.ofInstant(o.startedAt(), ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(o.finishedAt(), ZoneOffset.UTC)));
        }
        new DeploymentRepository(store.dsl()).addAll(rows);
        return report;
    }

    /** The rollout's report (null when no node could be tried) with the unusable nodes in their places. */
    private static PublishReport withNotAttempted(Request request, ResolvedNodes nodes, PublishReport rollout,
                                                  Map<String, NodeOutcome> notAttempted, long elapsedMs) {
        Map<String, NodeOutcome> tried = new LinkedHashMap<>();
        if (rollout != null) {
            rollout.nodes().forEach(o -> tried.put(o.node(), o));
        }
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (String name : nodes.order()) {
            outcomes.add(notAttempted.containsKey(name) ? notAttempted.get(name) : tried.get(name));
        }
        String unusable = notAttempted.size() + " selected node(s) not attempted: "
                + String.join("; ", nodes.unusable().values());
        String message = rollout == null ? "nothing published: " + unusable : rollout.message() + "; " + unusable;
        var manifest = request.manifest();
        return new PublishReport(manifest.model(), manifest.version(), manifest.sha256(), request.rollout(), false,
                message, outcomes, rollout == null ? elapsedMs : Math.max(elapsedMs, rollout.elapsedMs()));
    }
}
