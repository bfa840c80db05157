package org.aodnn.edgeconnector.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.db.repo.ManifestRepository;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.SignedManifest;

/**
 * Everything the Edge workspace needs, without JavaFX: the node registry, health polling, the stored
 * manifests, what would change per node, the publish task (progress, per-node states, cancel) and the
 * deployments. Long calls ({@link #pollNow}, {@link #diff}) block: run them off the UI thread, as the
 * publish task is (through the app's {@code TaskExecutor}).
 */
public final class EdgeConsole {

    private final Store store;
    private final EdgeClient client;
    private final PublishOptions options;

    public EdgeConsole(Store store, PublishOptions options) {
        this.store = store;
        this.options = options;
        this.client = new EdgeClient(options.timeout());
    }

    public List<EdgeNode> nodes() {
        return new EdgeNodeRepository(store.dsl()).list();
    }

    /**
     * Registers a node after checking its URL ({@link NodeUrl}: http or https, a host, a port in 1-65535),
     * stored normalized and refused when another node already names the same agent.
     */
    public EdgeNode addNode(String name, String url, String group, String token) {
        return new NodeRegistry(store).add(name, url, group, token);
    }

    /** Changes a node's URL, group or token (same checks as adding), keeping its deployment history. */
    public EdgeNode updateNode(String name, NodeRegistry.Edit edit) {
        return new NodeRegistry(store).update(name, edit);
    }

    public boolean removeNode(String name) {
        return new EdgeNodeRepository(store.dsl()).remove(name);
    }

    /** One round of health checks of every node (recorded in the registry). */
    public List<NodeStatus> pollNow() throws InterruptedException {
        return new NodeStatusService(store, client).pollAll();
    }

    /** Polls every {@code every} until the handle is closed; rounds arrive on a background thread. */
    public AutoCloseable startPolling(Duration every, Consumer<List<NodeStatus>> onRound, Consumer<Throwable> onError) {
        return new NodeStatusService(store, client).startPolling(every, onRound, onError);
    }

    /** Every manifest this console built or published, by model and version. */
    public List<ManifestEntry> manifests() {
        return new ManifestRepository(store.dsl()).list();
    }

    public SignedManifest manifest(ManifestEntry entry) throws ManifestException {
        try {
            return SignedManifest.of(StrictJson.parse(entry.document().getBytes(StandardCharsets.UTF_8)));
        } catch (StrictJson.JsonSyntaxException e) {
            throw new ManifestException("stored manifest " + entry.model() + " v" + entry.version() + ": "
                    + e.getMessage());
        }
    }

    public SignedManifest readManifest(Path file) throws ManifestException {
        return SignedManifest.read(file);
    }

    /** What the node serves now against {@code next} (asks the node). */
    public DeployedDiff.Result diff(String nodeName, SignedManifest next) throws IOException, InterruptedException {
        return DeployedDiff.of(client, NodeTarget.of(new EdgeNodeRepository(store.dsl()).require(nodeName)), next);
    }

    /** A publication as a background task; hand it to the app's task executor. */
    public PublishTask publishTask(SignedManifest manifest, PublishService.NodeSelection selection, Rollout rollout,
                                   PublishListener perNode) {
        return publishTask(manifest, selection, rollout, false, perNode);
    }

    /** As above; {@code skipUnreachable}: leave out nodes that fail the pre-flight check by not answering. */
    public PublishTask publishTask(SignedManifest manifest, PublishService.NodeSelection selection, Rollout rollout,
                                   boolean skipUnreachable, PublishListener perNode) {
        if (!manifest.signed()) {
            throw new IllegalArgumentException("the manifest is not signed; agents would refuse it");
        }
        return new PublishTask(new PublishService(store, client, options),
                new PublishService.Request(manifest, selection, rollout, skipUnreachable), perNode);
    }

    /** The newest deployment of each node. */
    public List<DeploymentEntry> latestDeployments() {
        return new DeploymentRepository(store.dsl()).latestPerNode();
    }

    public List<DeploymentEntry> deployments(String nodeName) {
        if (new EdgeNodeRepository(store.dsl()).find(nodeName).isEmpty()) {
            throw new StoreException("no edge node named '" + nodeName + "'");
        }
        return new DeploymentRepository(store.dsl()).forNode(nodeName);
    }
}
