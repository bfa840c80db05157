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
 * Console-side publishing: picks the registered nodes (by name or group), checks that every one answers and
 * accepts its token before touching any ({@link PreFlight}), records the manifest if the database does not
 * have it yet, runs the {@link Publisher} and stores each node's result as a deployment.
 * A selected node whose registration cannot be used (a URL stored before the URL checks, say) is reported
 * as that node's failure; the rollout still goes to the other nodes, and the publication does not count
 * as a success.
 */
public final class PublishService {

    /** The stored rollout word of the nodes that got the manifest after the canary checked out. */
    public static final String AFTER_CANARY = "after-canary";

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

    /**
     * What to publish where, and how; {@code skipUnreachable}: leave out target nodes that do not answer the
     * pre-flight check instead of refusing the whole rollout (the operator's explicit choice).
     */
    public record Request(SignedManifest manifest, NodeSelection selection, Rollout rollout, boolean skipUnreachable) {
        public Request(SignedManifest manifest, NodeSelection selection, Rollout rollout) {
            this(manifest, selection, rollout, false);
        }
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
            // registered before URLs were normalized: one agent under two names would get the manifest twice
            for (EdgeNode earlier : chosen) {
                if (order.contains(earlier.name()) && NodeUrl.sameAgent(earlier.url(), node.url())) {
                    throw new StoreException("edge nodes '" + earlier.name() + "' and '" + node.name()
                            + "' are the same agent (" + node.url() + "); remove one of them before publishing");
                }
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
        // before anything is stored or sent; throws RolloutRefusedException naming the nodes that cannot take it
        PreFlight.Admitted admitted = PreFlight.check(client, nodes.targets(), options.concurrency(),
                request.skipUnreachable());
        ManifestEntry entry = new ManifestCatalog(store).ensureStored(request.manifest());
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        Map<String, NodeOutcome> notAttempted = new LinkedHashMap<>();
        nodes.unusable().forEach((name, why) -> {
            String message = "not attempted: " + why;
            notAttempted.put(name, new NodeOutcome(name, NodeState.FAILED, null, 0, message, start, Instant.now()));
            listener.nodeChanged(name, NodeState.FAILED, message);
        });
        admitted.skipped().forEach((name, why) -> {
            String message = "skipped as asked: unreachable before the rollout (" + why + ")";
            notAttempted.put(name, new NodeOutcome(name, NodeState.SKIPPED, null, 0, message, start, Instant.now()));
            listener.nodeChanged(name, NodeState.SKIPPED, message);
        });
        List<NodeTarget> targets = admitted.targets();
        PublishReport report = targets.isEmpty() ? null
                : new Publisher(client, options).publish(request.manifest(), targets, request.rollout(),
                        listener, cancelled);
        if (!notAttempted.isEmpty()) {
            report = withNotAttempted(request, nodes, report, notAttempted, admitted.skipped().keySet(),
                    (System.nanoTime() - startNanos) / 1_000_000);
        }
        String canary = request.rollout() == Rollout.CANARY && !targets.isEmpty() ? targets.get(0).name() : null;
        List<DeploymentRepository.NewDeployment> rows = new ArrayList<>();
        for (NodeOutcome o : report.nodes()) {
            rows.add(new DeploymentRepository.NewDeployment(entry.id(), o.node(), rolloutLabel(request.rollout(),
                    o.node().equals(canary)), o.state().label(),
                    o.deployedVersion() == null ? null : Math.toIntExact(o.deployedVersion()),
                    o.message(), OffsetDateTime.ofInstant(o.startedAt(), ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(o.finishedAt(), ZoneOffset.UTC)));
        }
        new DeploymentRepository(store.dsl()).addAll(rows);
        return report;
    }

    /** The node's part in the rollout as stored: "all", "canary" for the canary only, "after-canary" for the rest. */
    static String rolloutLabel(Rollout rollout, boolean isCanary) {
        return rollout != Rollout.CANARY || isCanary ? rollout.label() : AFTER_CANARY;
    }

    /**
     * The rollout's report (null when no node could be tried) with the nodes not attempted in their places.
     * Unusable registrations fail the publication; unreachable nodes the operator chose to skip do not.
     */
    private static PublishReport withNotAttempted(Request request, ResolvedNodes nodes, PublishReport rollout,
                                                  Map<String, NodeOutcome> notAttempted, java.util.Set<String> skipped,
                                                  long elapsedMs) {
        Map<String, NodeOutcome> tried = new LinkedHashMap<>();
        if (rollout != null) {
            rollout.nodes().forEach(o -> tried.put(o.node(), o));
        }
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (String name : nodes.order()) {
            outcomes.add(notAttempted.containsKey(name) ? notAttempted.get(name) : tried.get(name));
        }
        List<String> parts = new ArrayList<>();
        if (!nodes.unusable().isEmpty()) {
            parts.add(nodes.unusable().size() + " selected node(s) not attempted: "
                    + String.join("; ", nodes.unusable().values()));
        }
        if (!skipped.isEmpty()) {
            parts.add("skipped as asked, unreachable: " + String.join(", ", skipped));
        }
        String extra = String.join("; ", parts);
        String message = rollout == null ? "nothing published: " + extra : rollout.message() + "; " + extra;
        boolean success = rollout != null && rollout.success() && nodes.unusable().isEmpty();
        var manifest = request.manifest();
        return new PublishReport(manifest.model(), manifest.version(), manifest.sha256(), request.rollout(), success,
                message, outcomes, rollout == null ? elapsedMs : Math.max(elapsedMs, rollout.elapsedMs()));
    }
}
