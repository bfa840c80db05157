package org.aodnn.edgeconnector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.build.ManifestCatalog;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.Rollout;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Edge workspace's view model against a temporary sample database and real agents on loopback ports,
 * with every task run on the test thread ({@link CurrentThreadTaskExecutor}).
 */
class EdgeViewModelTest {

    /** Quick failure on a dead node: one attempt, short timeout (the retry logic is tested in publish). */
    private static final PublishOptions FAST = new PublishOptions(Duration.ofSeconds(2), 1, Duration.ofMillis(10), 8);

    @TempDir
    Path dir;
    private Store store;
    private SigningKeyStore keys;
    private TrustedKeys trusted;

    @BeforeEach
    void open() {
        store = TemplateStore.copy(dir);
        keys = new SigningKeyStore(dir.resolve("keys"));
        trusted = TrustedKeys.of(List.of(keys.current().publicKey()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EdgeViewModel viewModel(org.aodnn.db.task.TaskExecutor executor) {
        return new EdgeViewModel(store, executor, keys, FAST, Duration.ofMillis(150));
    }

    private static NodeRow row(EdgeViewModel vm, String name) {
        return vm.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + vm.nodes()));
    }

    private static void fillForm(EdgeViewModel vm, String name, String url, String group, String token) {
        vm.nodeForm().nameProperty().set(name);
        vm.nodeForm().urlProperty().set(url);
        vm.nodeForm().groupProperty().set(group);
        vm.nodeForm().tokenProperty().set(token);
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void addingNodesIsValidatedAndTheirHealthIsShown() throws Exception {
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"), trusted))) {
            EdgeViewModel vm = viewModel(new CurrentThreadTaskExecutor());
            vm.refresh();
            NodeForm form = vm.nodeForm();
            assertFalse(form.validProperty().get());
            assertEquals("Enter a node name and its agent URL (http://host:port).", form.problemProperty().get());
            fillForm(vm, "edge 1", agent.baseUri().toString(), "", "");
            assertEquals("Node name: 1 to 200 characters without spaces.", form.problemProperty().get());
            fillForm(vm, "edge-1", "ftp://127.0.0.1:1", "", "");
            assertEquals("URL must start with http:// or https://", form.problemProperty().get());
            fillForm(vm, "edge-1", "http://", "", "");
            assertTrue(form.problemProperty().get().startsWith("URL"), form.problemProperty().get());

            // an invalid form adds nothing and says why
            vm.addNode();
            assertTrue(vm.statusErrorProperty().get());
            assertTrue(vm.nodes().isEmpty());
            assertTrue(new EdgeConsole(store, FAST).nodes().isEmpty());

            fillForm(vm, "edge-1", agent.baseUri().toString(), "lab", "");
            assertTrue(form.validProperty().get(), form.problemProperty().get());
            vm.addNode();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertEquals("", form.nameProperty().get(), "the form is cleared after adding");
            NodeRow up = row(vm, "edge-1");
            assertEquals("lab", up.groupProperty().get());
            assertEquals("ok", up.healthProperty().get(), up.healthMessageProperty().get());
            assertEquals(EdgeAgent.agentVersion(), up.agentVersionProperty().get());
            assertEquals("0", up.manifestCountProperty().get());
            assertEquals("none", up.deployedProperty().get());
            assertFalse(up.uptimeProperty().get().isEmpty());
            assertEquals(List.of("lab"), vm.groups());

            fillForm(vm, "edge-1", "http://127.0.0.1:9", "", "");
            assertEquals("A node named 'edge-1' is already registered.", form.problemProperty().get());

            fillForm(vm, "gone", "http://127.0.0.1:" + deadPort(), "", "");
            vm.addNode();
            assertEquals("unreachable", row(vm, "gone").healthProperty().get());
            assertEquals("ok", row(vm, "edge-1").healthProperty().get());

            vm.selectedNodeProperty().set(row(vm, "gone"));
            vm.removeSelectedNode();
            assertEquals(List.of("edge-1"), vm.nodes().stream().map(NodeRow::name).toList());
            assertEquals(1, new EdgeConsole(store, FAST).nodes().size());
            assertNull(vm.selectedNodeProperty().get());
        }
    }

    @Test
    void buildPublishDiffAndAFailedRolloutThatRollsBack() throws Exception {
        try (EdgeAgent a = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"), trusted));
             EdgeAgent b = EdgeAgent.start(AgentConfig.loopback(dir.resolve("b"), trusted).withToken("s3cret"))) {
            EdgeViewModel vm = viewModel(new CurrentThreadTaskExecutor());
            vm.refresh();
            assertEquals(List.of("alexnet-tight", "alexnet-wifi"), vm.policies().stream().map(PolicyChoice::name).toList());
            fillForm(vm, "a", a.baseUri().toString(), "g", "");
            vm.addNode();
            fillForm(vm, "b", b.baseUri().toString(), "g", "s3cret");
            vm.addNode();

            // build v1 from the saved policy: stored, signed, verified, selected
            assertFalse(vm.canPublishProperty().get());
            vm.selectedPolicyProperty().set(new PolicyChoice("alexnet-wifi", "alexnet"));
            vm.buildManifest();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertEquals(1, vm.manifests().size());
            ManifestRow v1 = vm.manifests().get(0);
            assertEquals("alexnet", v1.model());
            assertEquals(1, v1.version());
            assertEquals("verified", v1.signature());
            assertEquals(keys.current().keyId(), v1.keyId());
            assertEquals("alexnet-wifi", v1.policy());
            assertEquals(v1, vm.selectedManifestProperty().get());

            // the diff before anything is deployed
            vm.selectedNodeProperty().set(row(vm, "a"));
            assertEquals(List.of("Node a serves no alexnet manifest: v1 would be its first."), vm.diffLines());

            // publish to both selected nodes at once
            vm.targetNodes().setAll("a", "b");
            assertTrue(vm.canPublishProperty().get());
            vm.publish();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertFalse(vm.publishingProperty().get());
            for (String node : List.of("a", "b")) {
                assertEquals("alexnet v1", row(vm, node).deployedProperty().get(), node);
                assertTrue(row(vm, node).lastResultProperty().get().startsWith("deployed: alexnet v1 (all at once)"),
                        row(vm, node).lastResultProperty().get());
                assertEquals("deployed v1", row(vm, node).publishStateProperty().get());
            }
            assertEquals(List.of("Node a already serves alexnet v1; publishing it again changes nothing."),
                    vm.diffLines());
            assertTrue(vm.statusProperty().get().startsWith("Published alexnet v1: "), vm.statusProperty().get());

            // v2 from the tighter policy: the diff lists what changes on node a
            vm.selectedPolicyProperty().set(new PolicyChoice("alexnet-tight", "alexnet"));
            vm.buildManifest();
            assertEquals(2, vm.selectedManifestProperty().get().version());
            assertEquals("a: deployed v1 -> alexnet v2", vm.diffTitleProperty().get());
            List<String> diff = List.copyOf(vm.diffLines());
            assertEquals("Version: v1 -> v2", diff.get(0));
            assertTrue(diff.contains("T_max: 2000 -> 400 ms"), diff.toString());
            assertTrue(diff.contains("E_max: 30 -> 5 J"), diff.toString());
            assertTrue(diff.contains("\u03b7 (eta): 66.6667 -> 80"), diff.toString());

            // by group, canary first
            vm.targetModeProperty().set(TargetMode.GROUP);
            assertFalse(vm.canPublishProperty().get(), "no group chosen yet");
            vm.targetGroupProperty().set("g");
            vm.rolloutProperty().set(Rollout.CANARY);
            vm.publish();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertEquals("alexnet v2", row(vm, "a").deployedProperty().get());
            assertEquals("alexnet v2", row(vm, "b").deployedProperty().get());
            // only the canary (a, first of the group) is called the canary; b got it after the canary checked out
            assertTrue(row(vm, "a").lastResultProperty().get().startsWith("deployed: alexnet v2 (canary)"),
                    row(vm, "a").lastResultProperty().get());
            assertTrue(row(vm, "b").lastResultProperty().get().startsWith("deployed: alexnet v2 (after the canary)"),
                    row(vm, "b").lastResultProperty().get());

            // v3, canary first, cancelled once the canary took it: the canary returns to v2, b is never started
            vm.selectedPolicyProperty().set(new PolicyChoice("alexnet-wifi", "alexnet"));
            vm.buildManifest();
            vm.targetModeProperty().set(TargetMode.SELECTED_NODES);
            javafx.beans.value.ChangeListener<String> cancelWhenDeployed = (o, was, now) -> {
                if (now.startsWith("deployed")) {
                    vm.cancelPublish();
                }
            };
            row(vm, "a").publishStateProperty().addListener(cancelWhenDeployed);
            vm.publish();
            row(vm, "a").publishStateProperty().removeListener(cancelWhenDeployed);
            assertTrue(vm.statusErrorProperty().get());
            assertEquals("Publishing alexnet v3 was cancelled; nodes already updated were rolled back.",
                    vm.statusProperty().get());
            assertFalse(vm.publishingProperty().get());
            assertEquals("alexnet v2", row(vm, "a").deployedProperty().get());
            assertTrue(row(vm, "a").lastResultProperty().get().startsWith("rolled_back: alexnet v3 (canary)"),
                    row(vm, "a").lastResultProperty().get());
            assertTrue(row(vm, "b").lastResultProperty().get().startsWith("skipped: alexnet v3 (after the canary)"),
                    row(vm, "b").lastResultProperty().get());
            assertEquals("alexnet v2", row(vm, "b").deployedProperty().get());

            // v3 while b is down: the pre-flight check refuses the rollout, naming b, before a is touched
            b.close();
            vm.rolloutProperty().set(Rollout.ALL_AT_ONCE);
            int deploymentsBefore = new EdgeConsole(store, FAST).deployments("a").size();
            vm.publish();
            assertTrue(vm.statusErrorProperty().get());
            String refused = vm.statusProperty().get();
            assertTrue(refused.startsWith("Publishing alexnet v3: rollout not started, no node was touched: unreachable: b ("),
                    refused);
            assertTrue(refused.endsWith("Start them, or tick 'Skip unreachable nodes' to publish to the others."), refused);
            assertEquals(deploymentsBefore, new EdgeConsole(store, FAST).deployments("a").size(), "nothing recorded");
            assertEquals("alexnet v2", row(vm, "a").deployedProperty().get());
            assertEquals("unreachable", row(vm, "b").healthProperty().get());

            // the operator chooses to skip it: a gets v3, b is reported as skipped, the publication succeeds
            vm.skipUnreachableProperty().set(true);
            vm.publish();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertTrue(vm.statusProperty().get().contains("skipped as asked, unreachable: b"), vm.statusProperty().get());
            assertEquals("alexnet v3", row(vm, "a").deployedProperty().get());
            assertTrue(row(vm, "b").lastResultProperty().get().startsWith("skipped: alexnet v3 (all at once) - "
                    + "skipped as asked: unreachable before the rollout"), row(vm, "b").lastResultProperty().get());
            assertEquals("alexnet v2 (last seen)", row(vm, "b").deployedProperty().get());
            List<DeploymentEntry> history = new EdgeConsole(store, FAST).deployments("a");
            assertEquals(List.of("deployed", "deployed", "deployed", "rolled_back"),
                    history.stream().map(DeploymentEntry::status).sorted().toList());
        }
    }

    @Test
    void aNodeIsEditedInPlaceItsRefusedTokenShowsAndTheEmptyFormOnlyHints() throws Exception {
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"), trusted).withToken("s3cret"))) {
            EdgeViewModel vm = viewModel(new CurrentThreadTaskExecutor());
            vm.refresh();
            NodeForm form = vm.nodeForm();
            assertFalse(form.warningProperty().get(), "the empty form's hint is not a warning");
            fillForm(vm, "a", "ftp://x", "", "");
            assertTrue(form.warningProperty().get(), "a problem with what was typed is");

            String url = agent.baseUri().toString();
            fillForm(vm, "a", url + "/", "", "wrong");
            vm.addNode();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertEquals("Enter a node name and its agent URL (http://host:port).", form.problemProperty().get());
            assertFalse(form.warningProperty().get(), "after a successful add the cleared form is not in warning colour");
            NodeRow a = row(vm, "a");
            assertEquals(url, a.urlProperty().get(), "stored without the trailing slash");
            assertEquals("token_refused", a.healthProperty().get(), "the agent answers, but not to this token");
            assertTrue(a.healthMessageProperty().get().startsWith("token refused (401): the agent does not accept"),
                    a.healthMessageProperty().get());

            // the same agent under another name and spelling is refused, naming the node that has it
            fillForm(vm, "b", url.replace("http://", "HTTP://"), "", "");
            vm.addNode();
            assertTrue(vm.statusErrorProperty().get());
            assertTrue(vm.statusProperty().get().endsWith("is already registered as edge node 'a' (one agent under two"
                    + " names would get every publication twice); edit or remove 'a' instead"), vm.statusProperty().get());
            assertEquals(List.of("a"), vm.nodes().stream().map(NodeRow::name).toList());

            // Edit: the right token makes it healthy
            vm.updateNode("a", url, "", "s3cret", false);
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            assertEquals("ok", row(vm, "a").healthProperty().get(), row(vm, "a").healthMessageProperty().get());

            // a deployment, then an edit that keeps the token (blank) and sets a group: the history stays
            vm.selectedPolicyProperty().set(new PolicyChoice("alexnet-wifi", "alexnet"));
            vm.buildManifest();
            vm.targetNodes().setAll("a");
            vm.publish();
            assertFalse(vm.statusErrorProperty().get(), vm.statusProperty().get());
            vm.updateNode("a", url, "lab", "", false);
            assertEquals("ok", row(vm, "a").healthProperty().get(), "blank token field: the token is kept");
            assertEquals("lab", row(vm, "a").groupProperty().get());
            assertEquals(1, new EdgeConsole(store, FAST).deployments("a").size(), "deployment history kept");
            assertTrue(row(vm, "a").lastResultProperty().get().startsWith("deployed: alexnet v1"));

            // an edit that fails the checks of adding changes nothing
            vm.updateNode("a", "ftp://x", "", "", false);
            assertTrue(vm.statusErrorProperty().get());
            assertEquals("Cannot update edge node a: edge node 'a': URL must start with http:// or https:// "
                    + "(got 'ftp://x')", vm.statusProperty().get());
            assertEquals(url, new EdgeConsole(store, FAST).nodes().get(0).url());

            // removing the token ("no token") is refused by this agent, and says so
            vm.updateNode("a", url, "lab", "", true);
            assertEquals("token_refused", row(vm, "a").healthProperty().get());
            assertTrue(row(vm, "a").healthMessageProperty().get().contains("none is registered"));
        }
    }

    @Test
    void aManifestBuiltFromAPolicySavedAgainSinceSaysSo() throws Exception {
        EdgeViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.refresh();
        vm.selectedPolicyProperty().set(new PolicyChoice("alexnet-wifi", "alexnet"));
        vm.buildManifest();
        assertEquals("alexnet-wifi", vm.manifests().get(0).policy());
        Thread.sleep(20); // the policy's save time must fall after the build's, whatever the clock's resolution
        var policies = new org.aodnn.policyeditor.policy.PolicyStore(store);
        var saved = policies.require("alexnet-wifi");
        policies.save("alexnet-wifi", saved.settings());
        vm.refresh();
        assertEquals("alexnet-wifi (re-saved since)", vm.manifests().get(0).policy(),
                "the name alone would suggest the manifest has the policy's present settings");
    }

    @Test
    void openedFilesAreCheckedAndOnlyValidSignedOnesAreStored() throws Exception {
        EdgeViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.refresh();

        // a manifest signed by another console: stored (an agent may trust that key) but flagged
        SigningKeyStore otherKeys = new SigningKeyStore(dir.resolve("other-keys"));
        SignedManifest foreign;
        try (Store other = TemplateStore.copy(dir.resolve("other"))) {
            foreign = new ManifestCatalog(other, otherKeys).build(PolicyInputs.resolve(other, "alexnet-wifi"));
        }
        Path foreignFile = dir.resolve("foreign.json");
        Files.write(foreignFile, StrictJson.pretty(foreign.document()));
        vm.openManifest(foreignFile);
        assertTrue(vm.statusErrorProperty().get());
        assertTrue(vm.statusProperty().get().contains("not trusted here"), vm.statusProperty().get());
        assertEquals(1, vm.manifests().size());
        assertEquals(foreign.sha256(), vm.selectedManifestProperty().get().entry().sha256());
        assertFalse(vm.selectedManifestProperty().get().verified());
        assertEquals("(file)", vm.selectedManifestProperty().get().policy());

        // unsigned and malformed files: an error naming the file, nothing stored
        Path unsigned = dir.resolve("unsigned.json");
        Files.write(unsigned, ManifestFixtures.bytes(ManifestFixtures.unsigned("vgg16", 1)));
        vm.openManifest(unsigned);
        assertTrue(vm.statusErrorProperty().get());
        assertTrue(vm.statusProperty().get().contains(unsigned + ": the manifest is not signed"), vm.statusProperty().get());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": ", StandardCharsets.UTF_8);
        vm.openManifest(broken);
        assertTrue(vm.statusErrorProperty().get());
        assertTrue(vm.statusProperty().get().contains(broken.toString()), vm.statusProperty().get());
        assertEquals(1, new EdgeConsole(store, FAST).manifests().size());
        assertEquals(1, vm.manifests().size());

        // building without a key-usable policy choice says what to do
        vm.selectedPolicyProperty().set(null);
        vm.buildManifest();
        assertTrue(vm.statusProperty().get().startsWith("Choose a saved policy"));
        vm.selectedPolicyProperty().set(new PolicyChoice("deleted-meanwhile", "alexnet"));
        vm.buildManifest();
        assertTrue(vm.statusErrorProperty().get());
        assertTrue(vm.statusProperty().get().contains("deleted-meanwhile"), vm.statusProperty().get());
        assertEquals(1, new EdgeConsole(store, FAST).manifests().size(), "a failed build stores nothing");
    }

    @Test
    void healthIsPolledOnlyWhileActive() throws Exception {
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"), trusted))) {
            new EdgeConsole(store, FAST).addNode("edge-1", agent.baseUri().toString(), null, null);
            QueuedUiExecutor executor = QueuedUiExecutor.outcomesAtOnce();
            EdgeViewModel vm = viewModel(executor);
            vm.activate();
            assertTrue(vm.pollingProperty().get());
            assertEquals(List.of("edge-1"), vm.nodes().stream().map(NodeRow::name).toList());
            assertTrue(executor.runNext(20), "a health round arrives through runOnUiThread");
            assertEquals("ok", row(vm, "edge-1").healthProperty().get());
            assertTrue(executor.runNext(20), "and another after the interval");

            vm.deactivate();
            assertFalse(vm.pollingProperty().get());
            executor.drain();
            assertFalse(executor.runNext(1), "no rounds after deactivate");

            vm.activate();
            assertTrue(executor.runNext(20), "polling restarts when shown again");
            vm.deactivate();
        }
    }
}
