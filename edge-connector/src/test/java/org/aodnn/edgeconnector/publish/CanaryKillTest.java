package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.edgeconnector.build.ManifestCatalog;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.AgentProcess;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real agent processes, manifests built from a real policy and signed with the console's key, and
 * the console's publishing service with its database: one agent is killed (SIGKILL) during a canary
 * rollout; the rollout stops, the updated nodes are rolled back, and the deployments say so.
 */
class CanaryKillTest {

    @TempDir
    Path dir;

    @Test
    void anAgentKilledDuringACanaryRolloutStopsItAndTheRestIsRolledBack() throws Exception {
        SigningKeyStore keys = new SigningKeyStore(dir.resolve("keys"));
        Path trusted = dir.resolve("console.pem");
        Files.writeString(trusted, keys.current().publicPem());
        List<AgentProcess> agents = new ArrayList<>();
        try (Store store = TestStores.open(dir)) {
            for (String name : List.of("a", "b", "c")) {
                AgentProcess agent = AgentProcess.start(dir.resolve("agent-" + name), trusted, 0);
                agents.add(agent);
                new EdgeNodeRepository(store.dsl()).add(name, agent.baseUri().toString(), "lab", null);
            }
            ResolvedPolicy policy = Policies.resolve(store, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30);
            ManifestCatalog catalog = new ManifestCatalog(store, keys);
            SignedManifest v1 = catalog.build(policy);
            SignedManifest v2 = catalog.build(policy);
            assertEquals(1, v1.version());
            assertEquals(2, v2.version(), "versions only grow per model");

            PublishOptions options = new PublishOptions(Duration.ofSeconds(5), 3, Duration.ofMillis(100), 8);
            PublishService service = new PublishService(store, new EdgeClient(options.timeout()), options);
            PublishReport first = service.publish(new PublishService.Request(v1, PublishService.NodeSelection.group("lab"),
                    Rollout.ALL_AT_ONCE), PublishListener.NONE, () -> false);
            assertTrue(first.success(), first.message());

            AgentProcess b = agents.get(1);
            PublishReport report = service.publish(new PublishService.Request(v2,
                    PublishService.NodeSelection.names(List.of("a", "b", "c")), Rollout.CANARY), (node, state, msg) -> {
                        if (node.equals("a") && state == NodeState.DEPLOYED) {
                            try {
                                b.kill(); // node b dies right after the canary took the new manifest
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }, () -> false);

            assertFalse(report.success());
            assertTrue(report.message().startsWith("rollout stopped: b: gave up after 3 attempt(s)"), report.message());
            Map<String, NodeOutcome> byNode = report.nodes().stream()
                    .collect(Collectors.toMap(NodeOutcome::node, o -> o));
            assertEquals(NodeState.ROLLED_BACK, byNode.get("a").state(), "the canary is rolled back");
            assertEquals(1L, byNode.get("a").deployedVersion());
            assertEquals(NodeState.FAILED, byNode.get("b").state());
            NodeState c = byNode.get("c").state();
            assertTrue(c == NodeState.ROLLED_BACK || c == NodeState.SKIPPED, "c: " + c);

            EdgeClient client = new EdgeClient(Duration.ofSeconds(5));
            assertEquals(1, client.currentManifest(NodeTarget.of(new EdgeNodeRepository(store.dsl()).require("a")),
                    "alexnet").orElseThrow().get("version").asLong());
            assertEquals(1, client.currentManifest(NodeTarget.of(new EdgeNodeRepository(store.dsl()).require("c")),
                    "alexnet").orElseThrow().get("version").asLong());
            AgentProcess bAgain = AgentProcess.start(dir.resolve("agent-b"), trusted, 0);
            agents.add(bAgain);
            assertEquals(1, client.currentManifest(new NodeTarget("b", bAgain.baseUri(), null), "alexnet")
                    .orElseThrow().get("version").asLong(), "the killed node restarts with the old manifest");

            List<DeploymentEntry> deployments = new DeploymentRepository(store.dsl()).latestPerNode();
            assertEquals(List.of("a", "b", "c"), deployments.stream().map(DeploymentEntry::nodeName).toList());
            assertEquals("rolled_back", deployments.get(0).status());
            assertEquals(1, deployments.get(0).deployedVersion());
            assertEquals("failed", deployments.get(1).status());
            assertEquals("canary", deployments.get(0).rollout(), "a was the canary");
            assertEquals("after-canary", deployments.get(1).rollout(), "b got it after the canary");
            assertEquals(2, deployments.get(1).manifestVersion());
            assertEquals(2, new DeploymentRepository(store.dsl()).forNode("a").size(), "v1 and v2 on a");
        } finally {
            for (AgentProcess a : agents) {
                a.close();
            }
        }
    }
}
