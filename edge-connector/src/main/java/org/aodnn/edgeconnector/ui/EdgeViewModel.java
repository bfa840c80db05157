package org.aodnn.edgeconnector.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.edgeconnector.build.ManifestCatalog;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.DeployedDiff;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.NodeState;
import org.aodnn.edgeconnector.publish.NodeStatus;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.PublishReport;
import org.aodnn.edgeconnector.publish.PublishService;
import org.aodnn.edgeconnector.publish.PublishTask;
import org.aodnn.edgeconnector.publish.Rollout;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicyStore;

/**
 * The Edge workspace without controls: the node registry with live health, the stored manifests (build from
 * a saved policy, open a file, signature verified), publishing with per-node live states, and the diff
 * between what a node serves and what is about to go out. Every database or network call runs as a
 * {@link BackgroundTask} on the given executor; results are applied on the UI thread. Health polling runs
 * only while the workspace is shown ({@link #activate()} / {@link #deactivate()}).
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
    private final ObservableList<String> diffLines = FXCollections.observableArrayList();
    private final ObservableList<String> targetNodes = FXCollections.observableArrayList();
    private final NodeForm nodeForm = new NodeForm(nodes);

    private final ObjectProperty<NodeRow> selectedNode = new SimpleObjectProperty<>();
    private final ObjectProperty<ManifestRow> selectedManifest = new SimpleObjectProperty<>();
    private final ObjectProperty<PolicyChoice> selectedPolicy = new SimpleObjectProperty<>();
    private final ObjectProperty<TargetMode> targetMode = new SimpleObjectProperty<>(TargetMode.SELECTED_NODES);
    private final StringProperty targetGroup = new SimpleStringProperty();
    private final ObjectProperty<Rollout> rollout = new SimpleObjectProperty<>(Rollout.ALL_AT_ONCE);

    private final ReadOnlyStringWrapper diffTitle = new ReadOnlyStringWrapper("Select a node and a manifest to compare.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper publishProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty building = new SimpleBooleanProperty(false);
    private final BooleanBinding canPublish;
    private final BooleanBinding canBuild;

    /** The latest health answer per node (UI thread only), kept across registry reloads. */
    private final Map<String, NodeStatus> health = new HashMap<>();
    private AutoCloseable pollingHandle;
    private PublishTask runningPublish;
    /** Counts diff requests so that an older answer arriving late does not replace a newer one. */
    private long diffRequest;

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
        BooleanBinding targetsChosen = Bindings.createBooleanBinding(() -> targetMode.get() == TargetMode.GROUP
                        ? targetGroup.get() != null && !targetGroup.get().isBlank() : !targetNodes.isEmpty(),
                targetMode, targetGroup, targetNodes);
        canPublish = selectedManifest.isNotNull().and(targetsChosen).and(publishing.not());
        canBuild = selectedPolicy.isNotNull().and(building.not());
        selectedNode.addListener((o, a, b) -> refreshDiff());
        selectedManifest.addListener((o, a, b) -> refreshDiff());
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    /** Shown: load the registry and manifests, and poll node health until {@link #deactivate()}. */
    @Override
    public void activate() {
        refresh();
        if (pollingHandle == null) {
            pollingHandle = console.startPolling(pollInterval,
                    round -> executor.runOnUiThread(() -> applyHealth(round)),
                    error -> executor.runOnUiThread(() -> fail("Health check failed", error)));
            polling.set(true);
        }
    }

    /** Hidden: stop polling (the poller is stopped off the UI thread, as it may wait for a round to end). */
    @Override
    public void deactivate() {
        AutoCloseable handle = pollingHandle;
        pollingHandle = null;
        polling.set(false);
        if (handle != null) {
            run("Stopping edge health polling", () -> {
                handle.close();
                return null;
            }, ignored -> { }, "Cannot stop health polling");
        }
    }

    // ---- loading ----------------------------------------------------------------------------------------

    /** What one reload brings from the database. */
    private record Snapshot(List<EdgeNode> nodes, List<DeploymentEntry> deployments, List<ManifestRow> manifests,
                            List<PolicyChoice> policies) {
    }

    /** Reloads nodes, deployments, manifests (verifying each) and saved policies. */
    public void refresh() {
        run("Loading edge nodes and manifests", this::loadSnapshot, this::applySnapshot,
                "Cannot load the edge workspace");
    }

    private Snapshot loadSnapshot() {
        List<ManifestRow> rows = new ArrayList<>();
        TrustedKeys trusted = consoleKeys();
        for (ManifestEntry entry : console.manifests()) {
            rows.add(row(entry, trusted));
        }
        List<PolicyChoice> saved = new PolicyStore(store).list().stream()
                .map(p -> new PolicyChoice(p.name(), p.model())).toList();
        return new Snapshot(console.nodes(), console.latestDeployments(), rows, saved);
    }

    /** The console's current and archived public keys; none before the first key was created. */
    private TrustedKeys consoleKeys() {
        if (!Files.exists(keys.keyFile())) {
            return TrustedKeys.of(keys.archivedPublicKeys());
        }
        List<PublicKey> all = new ArrayList<>();
        all.add(keys.current().publicKey());
        all.addAll(keys.archivedPublicKeys());
        return TrustedKeys.of(all);
    }

    private ManifestRow row(ManifestEntry entry, TrustedKeys trusted) {
        SignedManifest manifest;
        try {
            manifest = console.manifest(entry);
        } catch (ManifestException e) {
            return new ManifestRow(entry, null, false, "unreadable: " + e.getMessage());
        }
        ManifestSignature.Verdict verdict = ManifestSignature.verify(manifest.document(), trusted);
        return new ManifestRow(entry, manifest, verdict.valid(), verdict.message());
    }

    private void applySnapshot(Snapshot s) {
        Map<String, DeploymentEntry> latest = s.deployments().stream()
                .collect(Collectors.toMap(DeploymentEntry::nodeName, Function.identity(), (a, b) -> a));
        Map<String, NodeRow> existing = nodes.stream().collect(Collectors.toMap(NodeRow::name, Function.identity()));
        List<NodeRow> rows = new ArrayList<>();
        for (EdgeNode node : s.nodes()) {
            NodeRow row = existing.get(node.name());
            if (row == null) {
                row = new NodeRow(node.name());
                NodeStatus live = health.get(node.name()); // a health round may have answered before this reload
                if (live != null) {
                    row.applyHealth(live);
                }
            }
            row.applyRegistry(node, latest.get(node.name()));
            rows.add(row);
        }
        health.keySet().retainAll(rows.stream().map(NodeRow::name).toList());
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
            applyHealth(round);
            long down = round.stream().filter(r -> !r.health().ok()).count();
            info(round.size() + " node(s) checked" + (down == 0 ? ", all answer" : ", " + down + " not healthy"));
        }, "Health check failed");
    }

    /** A health round after a change (node added, publication done) that leaves the status line alone. */
    private void recheckHealth() {
        run("Checking edge nodes", console::pollNow, this::applyHealth, "Health check failed");
    }

    private void applyHealth(List<NodeStatus> round) {
        Map<String, NodeRow> byName = nodes.stream().collect(Collectors.toMap(NodeRow::name, Function.identity()));
        for (NodeStatus s : round) {
            health.put(s.node().name(), s);
            NodeRow row = byName.get(s.node().name());
            if (row != null) {
                row.applyHealth(s);
            }
        }
    }

    // ---- registry ---------------------------------------------------------------------------------------

    /** Registers the node of the form (if the form is valid), then reloads and checks it. */
    public void addNode() {
        String problem = nodeForm.problemProperty().get();
        if (!problem.isEmpty()) {
            error(problem);
            return;
        }
        String name = NodeForm.trim(nodeForm.nameProperty().get());
        String url = NodeForm.trim(nodeForm.urlProperty().get());
        String group = NodeForm.trim(nodeForm.groupProperty().get());
        String token = NodeForm.trim(nodeForm.tokenProperty().get());
        run("Adding edge node " + name, () -> console.addNode(name, url, group, token), node -> {
            nodeForm.clear();
            info("Added edge node " + node.name() + " (" + node.url() + ")");
            refresh();
            recheckHealth();
        }, "Cannot add edge node " + name);
    }

    /** Removes the selected node (and its deployment history) from the registry. */
    public void removeSelectedNode() {
        NodeRow row = selectedNode.get();
        if (row == null) {
            error("Select the node to remove.");
            return;
        }
        run("Removing edge node " + row.name(), () -> console.removeNode(row.name()), removed -> {
            health.remove(row.name());
            info(removed ? "Removed edge node " + row.name() : "Edge node " + row.name() + " was already removed");
            refresh();
        }, "Cannot remove edge node " + row.name());
    }

    // ---- manifests --------------------------------------------------------------------------------------

    /** Builds, signs and stores the next manifest of the selected policy's model; selects it. */
    public void buildManifest() {
        PolicyChoice policy = selectedPolicy.get();
        if (policy == null) {
            error("Choose a saved policy to build the manifest from (save one in the Policy Editor).");
            return;
        }
        building.set(true);
        run("Building manifest from policy " + policy.name(),
                () -> new ManifestCatalog(store, keys).build(PolicyInputs.resolve(store, policy.name())),
                manifest -> {
                    building.set(false);
                    info("Built " + manifest.model() + " v" + manifest.version() + " from policy " + policy.name()
                            + ", signed by key " + manifest.keyId());
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
            ManifestSignature.Verdict verdict = ManifestSignature.verify(manifest.document(), consoleKeys());
            new ManifestCatalog(store).ensureStored(manifest);
            return Map.entry(manifest, verdict);
        }, opened -> {
            SignedManifest m = opened.getKey();
            ManifestSignature.Verdict verdict = opened.getValue();
            String text = "Opened " + file.getFileName() + ": " + m.model() + " v" + m.version() + "; signature: "
                    + verdict.message();
            if (verdict.valid()) {
                info(text);
            } else {
                error(text + " (agents that trust only this console's keys will refuse it)");
            }
            reloadAndSelect(m);
        }, "Cannot open " + file);
    }

    private void reloadAndSelect(SignedManifest manifest) {
        run("Loading edge nodes and manifests", this::loadSnapshot, s -> {
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
            error(row == null ? "Choose the manifest to publish." : "Manifest " + row.label() + " is unreadable: "
                    + row.verification());
            return;
        }
        PublishService.NodeSelection selection;
        try {
            selection = targetMode.get() == TargetMode.GROUP
                    ? PublishService.NodeSelection.group(targetGroup.get() == null || targetGroup.get().isBlank()
                            ? null : targetGroup.get())
                    : PublishService.NodeSelection.names(List.copyOf(targetNodes));
        } catch (IllegalArgumentException e) {
            error(targetMode.get() == TargetMode.GROUP ? "Choose the group to publish to."
                    : "Select the nodes to publish to in the node table.");
            return;
        }
        PublishTask task;
        try {
            task = console.publishTask(row.manifest(), selection, rollout.get(),
                    (node, state, message) -> executor.runOnUiThread(() -> nodeChanged(node, state, message)));
        } catch (IllegalArgumentException e) {
            error("Cannot publish " + row.label() + ": " + e.getMessage());
            return;
        }
        nodes.forEach(n -> n.setPublishState(""));
        runningPublish = task;
        publishing.set(true);
        publishProgress.set(0);
        info("Publishing " + row.label() + " (" + rollout.get().label() + ")...");
        executor.execute(task, TaskCallbacks.<PublishReport>of(report -> {
            publishDone();
            if (report.success()) {
                info("Published " + row.label() + ": " + report.message() + " (" + report.elapsedMs() + " ms)");
            } else {
                error("Publishing " + row.label() + " failed: " + report.message());
            }
        }, e -> {
            publishDone();
            fail("Publishing " + row.label() + " failed", e);
        }).withCancelled(() -> {
            publishDone();
            error("Publishing " + row.label() + " was cancelled; nodes already updated were rolled back.");
        }).withProgress(new ProgressListener() {
            @Override
            public void progress(double done, double total) {
                executor.runOnUiThread(() -> publishProgress.set(total > 0 ? done / total : -1));
            }

            @Override
            public void message(String message) {
                // the task area shows the per-node messages; the table shows each node's state
            }
        }));
    }

    /** Stops the running publication: no further node is started, updated ones are rolled back. */
    public void cancelPublish() {
        PublishTask task = runningPublish;
        if (task != null) {
            task.cancel();
            info("Cancelling the publication...");
        }
    }

    private void nodeChanged(String node, NodeState state, String message) {
        String text = message == null || message.isBlank() ? state.label()
                : message.startsWith(state.label()) ? message : state.label() + ": " + message;
        nodes.stream().filter(n -> n.name().equals(node)).findFirst().ifPresent(n -> n.setPublishState(text));
    }

    private void publishDone() {
        runningPublish = null;
        publishing.set(false);
        publishProgress.set(1);
        refresh();
        recheckHealth();
        refreshDiff();
    }

    // ---- diff -------------------------------------------------------------------------------------------

    /** Asks the selected node what it serves and compares it with the selected manifest. */
    public void refreshDiff() {
        NodeRow node = selectedNode.get();
        ManifestRow row = selectedManifest.get();
        long request = ++diffRequest;
        if (node == null || row == null || row.manifest() == null) {
            diffTitle.set("Select a node and a manifest to compare.");
            diffLines.clear();
            return;
        }
        diffTitle.set("Comparing " + node.name() + " with " + row.label() + "...");
        SignedManifest next = row.manifest();
        executor.execute(BackgroundTask.of("Comparing " + node.name() + " with " + row.label(),
                () -> console.diff(node.name(), next)), TaskCallbacks.<DeployedDiff.Result>of(result -> {
                    if (request == diffRequest) {
                        diffTitle.set(node.name() + ": deployed " + (result.deployedVersion() == null ? "none"
                                : "v" + result.deployedVersion()) + " -> " + row.label());
                        diffLines.setAll(DiffLines.of(result, next));
                    }
                }, e -> {
                    if (request == diffRequest) {
                        diffTitle.set(node.name() + ": cannot compare with " + row.label());
                        diffLines.setAll("Cannot ask " + node.name() + " what it serves: " + message(e));
                    }
                }));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, String failure) {
        run(title, work, onSuccess, failure, () -> { });
    }

    private <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, String failure, Runnable onError) {
        executor.execute(BackgroundTask.of(title, work), TaskCallbacks.<T>of(onSuccess, e -> {
            onError.run();
            fail(failure, e);
        }).withCancelled(onError));
    }

    private void info(String message) {
        status.set(message);
        statusError.set(false);
    }

    private void error(String message) {
        status.set(message);
        statusError.set(true);
    }

    private void fail(String what, Throwable e) {
        error(what + ": " + message(e));
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
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
        return diffLines;
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

    public ReadOnlyStringProperty diffTitleProperty() {
        return diffTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status line reports a failure (the view colours it). */
    public ReadOnlyBooleanProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }

    /** 0..1 while publishing (nodes finished out of nodes). */
    public ReadOnlyDoubleProperty publishProgressProperty() {
        return publishProgress.getReadOnlyProperty();
    }

    /** Whether health polling runs (between activate and deactivate). */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    public BooleanBinding canPublishProperty() {
        return canPublish;
    }

    public BooleanBinding canBuildProperty() {
        return canBuild;
    }
}
