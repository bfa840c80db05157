package org.aodnn.edgeconnector.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /** Which registered nodes: the named ones, in that order, or every node of a group. */
    public record NodeSelection(List<String> names, String group) {
        public NodeSelection {
            names = names == null ? List.of() : List.copyOf(names);
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

    public List<NodeTarget> resolveNodes(NodeSelection selection) {
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
        return chosen.stream().map(NodeTarget::of).toList();
    }

    /** Resolves the nodes, publishes and stores the deployments. */
    public PublishReport publish(Request request, PublishListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        return publish(request, resolveNodes(request.selection()), listener, cancelled);
    }

    PublishReport publish(Request request, List<NodeTarget> nodes, PublishListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        ManifestEntry entry = new ManifestCatalog(store).ensureStored(request.manifest());
        PublishReport report = new Publisher(client, options).publish(request.manifest(), nodes, request.rollout(),
                listener, cancelled);
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
}
