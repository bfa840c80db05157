package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.aodnn.edgeconnector.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary rollout that fails after the canary took its first manifest of a model: the rollback withdraws it
 * (the canary serves nothing of that model, as before, also after a restart) instead of failing with
 * "no previous version" and leaving the new manifest served; and the report names every node's outcome.
 */
class FirstDeploymentRollbackTest {

    private static final PublishOptions FAST = new PublishOptions(Duration.ofSeconds(3), 1, Duration.ofMillis(10), 8);

    @TempDir
    Path dir;

    @Test
    void rollingBackAFirstDeploymentWithdrawsItAndTheReportNamesEveryNode() throws Exception {
        KeyPair key = Ed25519.generate();
        TrustedKeys trusted = TrustedKeys.of(List.of(key.getPublic()));
        // b is healthy but trusts another console's key: it refuses the manifest (403) after the canary took it
        TrustedKeys other = TrustedKeys.of(List.of(Ed25519.generate().getPublic()));
        AgentConfig aConfig = AgentConfig.loopback(dir.resolve("a"), trusted);
        EdgeAgent a = EdgeAgent.start(aConfig);
        try (Store store = TestStores.open(dir);
             EdgeAgent b = EdgeAgent.start(AgentConfig.loopback(dir.resolve("b"), other));
             EdgeAgent c = EdgeAgent.start(AgentConfig.loopback(dir.resolve("c"), trusted))) {
            EdgeConsole console = new EdgeConsole(store, FAST);
            console.addNode("a", a.baseUri().toString(), null, null);
            console.addNode("b", b.baseUri().toString(), null, null);
            console.addNode("c", c.baseUri().toString(), null, null);
            PublishService service = new PublishService(store, new EdgeClient(FAST.timeout()), FAST);
            SignedManifest v1 = SignedManifest.of(ManifestFixtures.signed("alexnet", 1, key));
            SignedManifest v2 = SignedManifest.of(ManifestFixtures.signed("alexnet", 2, key));
            assertTrue(service.publish(new PublishService.Request(v1, PublishService.NodeSelection.names(List.of("c")),
                    Rollout.ALL_AT_ONCE), PublishListener.NONE, () -> false).success());

            // a (the canary) has never had alexnet; c has v1; b refuses
            PublishReport report = service.publish(new PublishService.Request(v2,
                    PublishService.NodeSelection.names(List.of("a", "c", "b")), Rollout.CANARY),
                    PublishListener.NONE, () -> false);

            assertFalse(report.success());
            Map<String, NodeOutcome> byNode = report.nodes().stream()
                    .collect(Collectors.toMap(NodeOutcome::node, o -> o));
            NodeOutcome canary = byNode.get("a");
            assertEquals(NodeState.ROLLED_BACK, canary.state(), canary.message());
            assertNull(canary.deployedVersion(), "withdrawn: no version served");
            assertTrue(canary.message().startsWith("rolled back: withdrawn, it had no earlier version (because b: "
                    + "HTTP 403"), canary.message());
            assertEquals(NodeState.FAILED, byNode.get("b").state());
            NodeState cState = byNode.get("c").state();
            assertTrue(cState == NodeState.ROLLED_BACK || cState == NodeState.SKIPPED, "c: " + cState);

            // the status line of the workspace and the CLI's last line: every node, not only the first failure
            assertTrue(report.message().startsWith("rollout stopped: b: HTTP 403"), report.message());
            assertTrue(report.message().contains("; nodes: a rolled back (withdrawn, it had no earlier version), c "
                    + (cState == NodeState.ROLLED_BACK ? "rolled back to v1" : "not attempted") + ", b failed"),
                    report.message());

            EdgeClient client = new EdgeClient(Duration.ofSeconds(3));
            NodeTarget aTarget = new NodeTarget("a", a.baseUri(), null);
            assertTrue(client.currentManifest(aTarget, "alexnet").isEmpty(), "a serves no alexnet, as before");
            assertEquals(1, client.currentManifest(new NodeTarget("c", c.baseUri(), null), "alexnet").orElseThrow()
                    .get("version").asLong());
            List<DeploymentEntry> aHistory = new DeploymentRepository(store.dsl()).forNode("a");
            assertEquals("rolled_back", aHistory.get(0).status());
            assertNull(aHistory.get(0).deployedVersion());

            // the withdrawal is the agent's persisted state: a restart of a still serves nothing
            a.close();
            a = EdgeAgent.start(aConfig);
            assertTrue(client.currentManifest(new NodeTarget("a", a.baseUri(), null), "alexnet").isEmpty(),
                    "still withdrawn after a restart");
        } finally {
            a.close();
        }
    }
}
