package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge add} refuses URLs no request could use, and a node registered with one anyway (before these
 * checks) is that node's error in {@code edge status} and {@code publish}, not every node's.
 */
class EdgeNodeUrlCommandTest {

    @TempDir
    Path dir;

    @Test
    void edgeAddRefusesUnusableUrlsNamingTheProblem() {
        Path db = dir.resolve("workbench");
        Cli.Result port = Cli.run(new EdgeCommand(), "add", "n5", "http://127.0.0.1:99999", "--db", db.toString());
        assertEquals(1, port.exit(), port.out());
        assertEquals("edge node 'n5': URL port 99999 is outside 1-65535 (got 'http://127.0.0.1:99999')",
                port.err().strip());

        Cli.Result scheme = Cli.run(new EdgeCommand(), "add", "n2", "127.0.0.1:18787", "--db", db.toString());
        assertEquals(1, scheme.exit());
        assertEquals("edge node 'n2': URL must start with http:// or https:// (got '127.0.0.1:18787')",
                scheme.err().strip());

        Cli.Result host = Cli.run(new EdgeCommand(), "add", "n3", "http:///agent", "--db", db.toString());
        assertEquals(1, host.exit());
        assertTrue(host.err().startsWith("edge node 'n3': URL has no host"), host.err());

        Cli.Result ok = Cli.run(new EdgeCommand(), "add", "n1", "http://127.0.0.1:65535", "--db", db.toString());
        assertEquals(0, ok.exit(), ok.err());
        try (Store store = Store.open(db)) {
            assertEquals(List.of("n1"), new EdgeNodeRepository(store.dsl()).list().stream().map(n -> n.name()).toList());
        }
    }

    @Test
    void aBadRegistrationIsThatNodesErrorInStatusAndPublish() throws Exception {
        Path db = dir.resolve("workbench");
        Path keys = dir.resolve("keys");
        try (Store store = TestStores.open(dir)) {
            new PolicyStore(store).save("alexnet-wifi",
                    Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30));
            // as a database written before the URL checks holds it
            new EdgeNodeRepository(store.dsl()).add("n5", "http://127.0.0.1:99999", null, null);
        }
        Cli.Result built = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                "--policy", "alexnet-wifi", "--out", dir.resolve("m1.json").toString());
        assertEquals(0, built.exit(), built.err());
        Path pem = dir.resolve("console.pem");
        Files.writeString(pem, Cli.run(new KeysCommand(), "export", "--keys", keys.toString()).out());

        try (EdgeAgent n1 = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent-1"),
                TrustedKeys.fromPemFiles(List.of(pem))))) {
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "n1", n1.baseUri().toString(), "--db", db.toString())
                    .exit());

            Cli.Result status = Cli.run(new EdgeCommand(), "status", "--json", "--db", db.toString());
            assertEquals(1, status.exit(), "a node in error: " + status.err());
            assertEquals("1 of 2 edge node(s) not ok: n5 (error)", status.err().strip());
            JsonNode nodes = StrictJson.parse(status.out()).get("nodes");
            assertEquals(2, nodes.size());
            JsonNode good = nodes.get(0).get("name").asText().equals("n1") ? nodes.get(0) : nodes.get(1);
            JsonNode bad = good == nodes.get(0) ? nodes.get(1) : nodes.get(0);
            assertEquals("ok", good.get("status").asText(), good.toString());
            assertEquals("error", bad.get("status").asText());
            assertTrue(bad.get("message").asText().contains("edge node 'n5' is registered with an unusable URL: URL port"
                    + " 99999 is outside 1-65535"), bad.toString());
            Cli.Result text = Cli.run(new EdgeCommand(), "status", "--db", db.toString());
            assertEquals(1, text.exit(), text.err());
            assertFalse(text.err().contains("unexpected"), text.err());

            Cli.Result pub = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", dir.resolve("m1.json").toString(), "--nodes", "n1,n5", "--json");
            assertEquals(2, pub.exit(), pub.err());
            JsonNode report = StrictJson.parse(pub.out());
            assertFalse(report.get("success").asBoolean());
            assertEquals("n1", report.get("nodes").get(0).get("node").asText());
            assertEquals("deployed", report.get("nodes").get(0).get("status").asText());
            assertEquals("n5", report.get("nodes").get(1).get("node").asText());
            assertEquals("failed", report.get("nodes").get(1).get("status").asText());
            assertTrue(report.get("nodes").get(1).get("message").asText().startsWith("not attempted: edge node 'n5'"),
                    report.toString());
            assertTrue(pub.err().startsWith("deployed alexnet v1 to 1 node(s); 1 selected node(s) not attempted: "
                    + "edge node 'n5'"), pub.err());
            assertEquals(1, new org.aodnn.edgeconnector.publish.EdgeClient(java.time.Duration.ofSeconds(2))
                    .listManifests(new org.aodnn.edgeconnector.publish.NodeTarget("n1", n1.baseUri(), null)).size());

            // only the bad node selected: nothing published, still a clear per-node report
            Cli.Result only = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", dir.resolve("m1.json").toString(), "--nodes", "n5");
            assertEquals(2, only.exit(), only.err());
            assertTrue(only.out().contains("n5: failed - not attempted: edge node 'n5'"), only.out());
            assertTrue(only.err().startsWith("nothing published: 1 selected node(s) not attempted"), only.err());
            try (Store store = Store.open(db)) {
                List<DeploymentEntry> history = new DeploymentRepository(store.dsl()).forNode("n5");
                assertEquals(2, history.size());
                assertTrue(history.stream().allMatch(d -> d.status().equals("failed")), history.toString());
            }
        }
    }
}
