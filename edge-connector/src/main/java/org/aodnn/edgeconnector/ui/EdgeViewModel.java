package org.aodnn.edgeconnector.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.DataHome;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.edgeconnector.build.ManifestCatalog;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.NodeRegistry;
import org.aodnn.edgeconnector.publish.NodeStatus;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.PublishService;
import org.aodnn.edgeconnector.publish.Rollout;
import org.aodnn.policyeditor.policy.PolicyInputs;

/**
 * The Edge workspace without controls: the node registry with live health, the stored manifests (build from
 * a saved policy, open a file, signature verified), publishing with per-node live states, and the diff
 * between what a node serves and what is about to go out. Every database or network call runs as a
 * {@link BackgroundTask} on the given executor; results are applied on the UI thread. Health polling runs
 * only while the workspace is shown ({@link #activate()} / {@link #deactivate()}).
 *
 * <p>This class is the facade the view binds to. The status line ({@link StatusLine}), node health
 * ({@link NodeHealth}), the publication in flight ({@link PublishRun}), the diff pane ({@link ManifestDiff})
 * and the reload's read ({@link WorkspaceSnapshot}) live in their own classes so that each stays small
 * enough to read at once.
 */
public final class EdgeViewModel implements Activatable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    private final Store store;
    private final TaskExecutor executor;
    private final EdgeConsole console;
    private final SigningKeyStore keys;
    private final Duration pollInterval;

    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ObservableList<ManifestRow> manifests = FXCollections.observableArrayList();
    private final ObservableList<PolicyChoice> policies = FXCollections.observableArrayList();
    private final ObservableList<String> targetNodes = FXCollections.observableArrayList();
    private final NodeForm nodeForm = new NodeForm(nodes);

    private final ObjectProperty<NodeRow> selectedNode = new SimpleObjectProperty<>();
    private final ObjectProperty<ManifestRow> selectedManifest = new SimpleObjectProperty<>();
    private final ObjectProperty<PolicyChoice> selectedPolicy = new SimpleObjectProperty<>();
    private final ObjectProperty<TargetMode> targetMode = new SimpleObjectProperty<>(TargetMode.SELECTED_NODES);
    private final StringProperty targetGroup = new SimpleStringProperty();
    private final ObjectProperty<Rollout> rollout = new SimpleObjectProperty<>(Rollout.ALL_AT_ONCE);
    /** Off by default: a rollout with an unreachable node is refused unless the operator ticks this. */
    private final BooleanProperty skipUnreachable = new SimpleBooleanProperty(false);

    private final StatusLine status = new StatusLine();
    private final BooleanProperty building = new SimpleBooleanProperty(false);
    private final BooleanBinding canPublish;
    private final BooleanBinding canBuild;

    private final NodeHealth health;
    private final ManifestDiff diff;
    private final PublishRun publishRun;

    /** The app's constructor: keys in {@code $AODNN_HOME/keys} (as the CLI), default publish timing. */
    public EdgeViewModel(Store store, TaskExecutor executor) {
        this(store, executor, new SigningKeyStore(DataHome.fromEnvironment().directory().resolve("keys")),
                PublishOptions.DEFAULT, DEFAULT_POLL_INTERVAL);
    }

    public EdgeViewModel(Store store, TaskExecutor executor, SigningKeyStore keys, PublishOptions options,
                         Duration pollInterval) {
        this.store = store;
        this.executor = executor;
        this.keys = keys;
        this.pollInterval = pollInterval;
        this.console = new EdgeConsole(store, options);
        this.health = new NodeHealth(console, executor, nodes, status);
        this.diff = new ManifestDiff(executor, console);
        // after a publication (done, failed or cancelled) registry, health and diff may all have changed
        this.publishRun = new PublishRun(executor, console, nodes, status, () -> {
            refresh();
            recheckHealth();
            refreshDiff();
        });
        BooleanBinding targetsChosen = Bindings.createBooleanBinding(() -> targetMode.get() == TargetMode.GROUP
                        ? targetGroup.get() != null && !targetGroup.get().isBlank() : !targetNodes.isEmpty(),
                targetMode, targetGroup, targetNodes);
        canPublish = selectedManifest.isNotNull().and(targetsChosen).and(publishRun.publishingProperty().not());
        canBuild = selectedPolicy.isNotNull().and(building.not());
        selectedNode.addListener((o, a, b) -> refreshDiff());
        selectedManifest.addListener((o, a, b) -> refreshDiff());
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    /** Shown: load the registry and manifests, and poll node health until {@link #deactivate()}. */
    @Override
    public void activate() {
        refresh();
        health.startPolling(pollInterval);
    }

    /** Hidden: stop polling (the poller is stopped off the UI thread, as it may wait for a round to end). */
    @Override
    public void deactivate() {
        AutoCloseable handle = health.stopPolling();
        if (handle != null) {
            run("Stopping edge health polling", () -> {
                handle.close();
                return null;
            }, ignored -> { }, "Cannot stop health polling");
        }
    }

    // ---- loading ----------------------------------------------------------------------------------------

    /** Reloads nodes, deployments, manifests (verifying each) and saved policies. */
    public void refresh() {
        run("Loading edge nodes and manifests", () -> WorkspaceSnapshot.load(console, store, keys), this::applySnapshot,
                "Cannot load the edge workspace");
    }

    private void applySnapshot(WorkspaceSnapshot s) {
        Map<String, DeploymentEntry> latest = s.deployments().stream()
                .collect(Collectors.toMap(DeploymentEntry::nodeName, Function.identity(), (a, b) -> a));
        Map<String, NodeRow> existing = nodes.stream().collect(Collectors.toMap(NodeRow::name, Function.identity()));
        List<NodeRow> rows = new ArrayList<>();
        for (EdgeNode node : s.nodes()) {
            NodeRow row = existing.get(node.name());
            if (row == null) {
                row = new NodeRow(node.name());
                NodeStatus live = health.latest(node.name()); // a health round may have answered before this reload
                if (live != null) {
                    row.applyHealth(live);
                }
            }
            row.applyRegistry(node, latest.get(node.name()));
            rows.add(row);
        }
        health.retain(rows.stream().map(NodeRow::name).toList());
        if (!rows.equals(nodes)) {
            NodeRow chosen = selectedNode.get();
            nodes.setAll(rows);
            selectedNode.set(chosen != null && rows.contains(chosen) ? chosen : null);
        }
        Set<String> groupNames = new LinkedHashSet<>();
        s.nodes().stream().map(EdgeNode::group).filter(g -> g != null && !g.isBlank()).sorted()
                .forEach(groupNames::add);
        if (!groups.equals(new ArrayList<>(groupNames))) {
            String group = targetGroup.get();
            groups.setAll(groupNames);
            targetGroup.set(group != null && groupNames.contains(group) ? group : null);
        }
        targetNodes.retainAll(rows.stream().map(NodeRow::name).toList());

        if (!manifests.equals(s.manifests())) { // replacing equal rows would only make the table flicker
            ManifestRow chosenManifest = selectedManifest.get();
            manifests.setAll(s.manifests());
            selectedManifest.set(chosenManifest == null ? null : s.manifests().stream()
                    .filter(m -> m.id() == chosenManifest.id()).findFirst().orElse(null));
        }

        PolicyChoice chosenPolicy = selectedPolicy.get();
        if (!policies.equals(s.policies())) {
            policies.setAll(s.policies());
        }
        selectedPolicy.set(chosenPolicy != null && s.policies().contains(chosenPolicy) ? chosenPolicy
                : s.policies().isEmpty() ? null : s.policies().get(0));
    }

    // ---- health -----------------------------------------------------------------------------------------

    /** One health round now (besides the periodic one while shown), said in the status line. */
    public void checkHealth() {
        run("Checking edge nodes", console::pollNow, round -> {
            health.apply(round);
            long down = round.stream().filter(r -> !r.health().ok()).count();
            status.info(round.size() + " node(s) checked"
                    + (down == 0 ? ", all answer" : ", " + down + " not healthy"));
        }, "Health check failed");
    }

    /** A health round after a change (node added, publication done) that leaves the status line alone. */
    private void recheckHealth() {
        run("Checking edge nodes", console::pollNow, health::apply, "Health check failed");
    }

    // ---- registry ---------------------------------------------------------------------------------------

    /** Registers the node of the form (if the form is valid), then reloads and checks it. */
    public void addNode() {
        String problem = nodeForm.problemProperty().get();
        if (!problem.isEmpty()) {
            status.error(problem);
            return;
        }
        String name = NodeForm.trim(nodeForm.nameProperty().get());
        String url = NodeForm.trim(nodeForm.urlProperty().get());
        String group = NodeForm.trim(nodeForm.groupProperty().get());
        String token = NodeForm.trim(nodeForm.tokenProperty().get());
        run("Adding edge node " + name, () -> console.addNode(name, url, group, token), node -> {
            nodeForm.clear();
            status.info("Added edge node " + node.name() + " (" + node.url() + ")");
            refresh();
            recheckHealth();
        }, "Cannot add edge node " + name);
    }

    /**
     * Changes a node's URL and group, and its token (a blank {@code newToken} keeps it, {@code removeToken}
     * drops it), in place with the checks of adding, so its deployment history stays; then reloads and
     * checks it, so that a corrected token shows as healthy at once.
     */
    public void updateNode(String name, String url, String group, String newToken, boolean removeToken) {
        String token = removeToken ? "" : newToken == null || newToken.isBlank() ? null : newToken.trim();
        NodeRegistry.Edit edit = new NodeRegistry.Edit(NodeForm.trim(url), NodeForm.trim(group), token);
        run("Updating edge node " + name, () -> console.updateNode(name, edit), node -> {
            status.info("Updated edge node " + node.name() + " (" + node.url() + ")");
            refresh();
            recheckHealth();
        }, "Cannot update edge node " + name);
    }

    /** Removes the selected node (and its deployment history) from the registry. */
    public void removeSelectedNode() {
        NodeRow row = selectedNode.get();
        if (row == null) {
            status.error("Select the node to remove.");
            return;
        }
        run("Removing edge node " + row.name(), () -> console.removeNode(row.name()), removed -> {
            status.info(removed ? "Removed edge node " + row.name()
                    : "Edge node " + row.name() + " was already removed");
            refresh();
        }, "Cannot remove edge node " + row.name());
    }

    // ---- manifests --------------------------------------------------------------------------------------

    /** Builds, signs and stores the next manifest of the selected policy's model; selects it. */
    public void buildManifest() {
        PolicyChoice policy = selectedPolicy.get();
        if (policy == null) {
            status.error("Choose a saved policy to build the manifest from (save one in the Policy Editor).");
            return;
        }
        building.set(true);
        run("Building manifest from policy " + policy.name(),
                () -> new ManifestCatalog(store, keys).build(PolicyInputs.resolve(store, policy.name())),
                manifest -> {
                    building.set(false);
                    status.info("Built " + manifest.model() + " v" + manifest.version() + " from policy "
                            + policy.name() + ", signed by key " + manifest.keyId());
                    reloadAndSelect(manifest);
                }, "Cannot build a manifest from policy " + policy.name(), () -> building.set(false));
    }

    /** Reads a manifest file, checks its structure and signature, records it and selects it. */
    public void openManifest(Path file) {
        run("Opening manifest " + file.getFileName(), () -> {
            SignedManifest manifest = console.readManifest(file);
            if (!manifest.signed()) {
                throw new ManifestException(file + ": the manifest is not signed; agents would refuse it");
            }
            ManifestSignature.Verdict verdict = ManifestSignature.verify(manifest.document(),
                    WorkspaceSnapshot.consoleKeys(keys));
            new ManifestCatalog(store).ensureStored(manifest);
            return Map.entry(manifest, verdict);
        }, opened -> {
            SignedManifest m = opened.getKey();
            ManifestSignature.Verdict verdict = opened.getValue();
            String text = "Opened " + file.getFileName() + ": " + m.model() + " v" + m.version() + "; signature: "
                    + verdict.message();
            if (verdict.valid()) {
                status.info(text);
            } else {
                status.error(text + " (agents that trust only this console's keys will refuse it)");
            }
            reloadAndSelect(m);
        }, "Cannot open " + file);
    }

    private void reloadAndSelect(SignedManifest manifest) {
        run("Loading edge nodes and manifests", () -> WorkspaceSnapshot.load(console, store, keys), s -> {
            applySnapshot(s);
            manifests.stream().filter(r -> r.model().equals(manifest.model()) && r.version() == manifest.version())
                    .findFirst().ifPresent(selectedManifest::set);
        }, "Cannot load the edge workspace");
    }

    // ---- publishing -------------------------------------------------------------------------------------

    /** Publishes the selected manifest to the chosen nodes or group with the chosen rollout. */
    public void publish() {
        ManifestRow row = selectedManifest.get();
        if (row == null || row.manifest() == null) {
            status.error(row == null ? "Choose the manifest to publish."
                    : "Manifest " + row.label() + " is unreadable: " + row.verification());
            return;
        }
        PublishService.NodeSelection selection;
        try {
            selection = targetMode.get() == TargetMode.GROUP
                    ? PublishService.NodeSelection.group(targetGroup.get() == null || targetGroup.get().isBlank()
                            ? null : targetGroup.get())
                    : PublishService.NodeSelection.names(List.copyOf(targetNodes));
        } catch (IllegalArgumentException e) {
            status.error(targetMode.get() == TargetMode.GROUP ? "Choose the group to publish to."
                    : "Select the nodes to publish to in the node table.");
            return;
        }
        publishRun.start(row, selection, rollout.get(), skipUnreachable.get());
    }

    /** Stops the running publication: no further node is started, updated ones are rolled back. */
    public void cancelPublish() {
        publishRun.cancel();
    }

    // ---- diff -------------------------------------------------------------------------------------------

    /** Asks the selected node what it serves and compares it with the selected manifest. */
    public void refreshDiff() {
        diff.compare(selectedNode.get(), selectedManifest.get());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, String failure) {
        run(title, work, onSuccess, failure, () -> { });
    }

    private <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, String failure, Runnable onError) {
        executor.execute(BackgroundTask.of(title, work), TaskCallbacks.<T>of(onSuccess, e -> {
            onError.run();
            status.fail(failure, e);
        }).withCancelled(onError));
    }

    // ---- properties for the view -------------------------------------------------------------------------

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    public ObservableList<ManifestRow> manifests() {
        return manifests;
    }

    public ObservableList<PolicyChoice> policies() {
        return policies;
    }

    public ObservableList<String> diffLines() {
        return diff.lines();
    }

    /** The node names chosen for publishing (the view mirrors the node table's selection here). */
    public ObservableList<String> targetNodes() {
        return targetNodes;
    }

    public NodeForm nodeForm() {
        return nodeForm;
    }

    public ObjectProperty<NodeRow> selectedNodeProperty() {
        return selectedNode;
    }

    public ObjectProperty<ManifestRow> selectedManifestProperty() {
        return selectedManifest;
    }

    public ObjectProperty<PolicyChoice> selectedPolicyProperty() {
        return selectedPolicy;
    }

    public ObjectProperty<TargetMode> targetModeProperty() {
        return targetMode;
    }

    public StringProperty targetGroupProperty() {
        return targetGroup;
    }

    public ObjectProperty<Rollout> rolloutProperty() {
        return rollout;
    }

    public BooleanProperty skipUnreachableProperty() {
        return skipUnreachable;
    }

    public ReadOnlyStringProperty diffTitleProperty() {
        return diff.titleProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    /** Whether the status line reports a failure (the view colours it). */
    public ReadOnlyBooleanProperty statusErrorProperty() {
        return status.errorProperty();
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishRun.publishingProperty();
    }

    /** 0..1 while publishing (nodes finished out of nodes). */
    public ReadOnlyDoubleProperty publishProgressProperty() {
        return publishRun.progressProperty();
    }

    /** Whether health polling runs (between activate and deactivate). */
    public ReadOnlyBooleanProperty pollingProperty() {
        return health.pollingProperty();
    }

    public BooleanBinding canPublishProperty() {
        return canPublish;
    }

    public BooleanBinding canBuildProperty() {
        return canBuild;
    }
}
