package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest build/verify, edge add/status and publish, end to end against a temporary database and real agents. */
class ManifestAndPublishCommandTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // agent b is stopped inside its try block on purpose
    void buildVerifyRegisterPublishAndCheck() throws Exception {
        Path db = dir.resolve("workbench");
        Path keys = dir.resolve("keys");
        try (Store store = TestStores.open(dir)) {
            new PolicyStore(store).save("alexnet-wifi",
                    Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30));
        }
        // build twice from the saved policy: the version grows
        Cli.Result b1 = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                "--policy", "alexnet-wifi", "--out", dir.resolve("m1.json").toString(), "--json");
        assertEquals(0, b1.exit(), b1.err());
        JsonNode built = StrictJson.parse(b1.out());
        assertEquals(1, built.get("version").asInt());
        Cli.Result b2 = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                "--policy", "alexnet-wifi", "--out", dir.resolve("m2.json").toString());
        assertEquals(0, b2.exit(), b2.err());
        assertTrue(b2.out().startsWith("built alexnet v2 "), b2.out());
        JsonNode m2 = StrictJson.parse(Files.readAllBytes(dir.resolve("m2.json")));
        assertEquals(List.of("schema", "model", "version", "created_at", "layers", "cuts", "network_profiles",
                "bounds", "eta", "predictors", "decision_table", "signature"), fieldNames(m2));

        Path pem = dir.resolve("console.pem");
        Files.writeString(pem, Cli.run(new KeysCommand(), "export", "--keys", keys.toString()).out());
        Cli.Result ok = Cli.run(new ManifestCommand(), "verify", dir.resolve("m2.json").toString(), "--key", pem.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("valid: alexnet v2, valid Ed25519 signature by key "), ok.out());

        ObjectNode tampered = (ObjectNode) StrictJson.parse(Files.readAllBytes(dir.resolve("m2.json")));
        tampered.put("eta", tampered.get("eta").asDouble() * 2);
        Files.write(dir.resolve("tampered.json"), StrictJson.pretty(tampered));
        Cli.Result bad = Cli.run(new ManifestCommand(), "verify", dir.resolve("tampered.json").toString(), "--key",
                pem.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("does not match the content"), bad.err());

        Path otherPem = dir.resolve("other.pem");
        Files.writeString(otherPem, Ed25519.publicPem(Ed25519.generate().getPublic()));
        Cli.Result foreign = Cli.run(new ManifestCommand(), "verify", dir.resolve("m2.json").toString(), "--key",
                otherPem.toString(), "--json");
        assertEquals(1, foreign.exit());
        assertFalse(StrictJson.parse(foreign.out()).get("valid").asBoolean());

        // with the options of aodnn partition instead of a saved policy
        Path mobile = dir.resolve("mobile.csv");
        Path edge = dir.resolve("edge.csv");
        writeLatencyCsvs(db, mobile, edge);
        Cli.Result b3 = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                "--model", "alexnet", "--mobile-latency", mobile.toString(), "--edge-latency", edge.toString(),
                "--mobile-power-mw", "2000", "--network", "4g", "--up", "8", "--down", "30", "--t-max", "900",
                "--e-max", "12", "--out", dir.resolve("m3.json").toString(), "--json");
        assertEquals(0, b3.exit(), b3.err());
        assertEquals(3, StrictJson.parse(b3.out()).get("version").asInt());
        assertEquals("4g", StrictJson.parse(Files.readAllBytes(dir.resolve("m3.json"))).get("network_profiles")
                .get("selected").asText());

        Cli.Result missing = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                "--policy", "nope", "--out", dir.resolve("x.json").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no policy named 'nope'"), missing.err());
        assertFalse(Files.exists(dir.resolve("x.json")));

        // two real agents trusting the console's key, one with a token
        TrustedKeys trusted = TrustedKeys.fromPemFiles(List.of(pem));
        try (EdgeAgent a = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent-a"), trusted));
             EdgeAgent b = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent-b"), trusted).withToken("tok"))) {
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "a", a.baseUri().toString(), "--group", "lab",
                    "--db", db.toString()).exit());
            Cli.Result addB = Cli.run(new EdgeCommand(), "add", "b", b.baseUri().toString(), "--group", "lab",
                    "--token", "tok", "--db", db.toString());
            assertEquals(0, addB.exit(), addB.err());
            Cli.Result dup = Cli.run(new EdgeCommand(), "add", "a", a.baseUri().toString(), "--db", db.toString());
            assertEquals(1, dup.exit());
            assertTrue(dup.err().contains("already registered"), dup.err());
            Cli.Result badUrl = Cli.run(new EdgeCommand(), "add", "c", "ftp://host/x", "--db", db.toString());
            assertEquals(1, badUrl.exit());
            assertTrue(badUrl.err().contains("must start with http:// or https://"), badUrl.err());

            Cli.Result pub = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(), "--manifest",
                    dir.resolve("m1.json").toString(), "--group", "lab", "--json");
            assertEquals(0, pub.exit(), pub.err() + pub.out());
            JsonNode report = StrictJson.parse(pub.out());
            assertTrue(report.get("success").asBoolean());
            assertEquals("deployed", report.get("nodes").get(0).get("status").asText());
            assertEquals("deployed", report.get("nodes").get(1).get("status").asText());

            Cli.Result status = Cli.run(new EdgeCommand(), "status", "--json", "--db", db.toString());
            assertEquals(0, status.exit(), status.err());
            JsonNode nodes = StrictJson.parse(status.out()).get("nodes");
            assertEquals(2, nodes.size());
            for (JsonNode n : nodes) {
                assertEquals("ok", n.get("status").asText(), n.toString());
                assertEquals("alexnet", n.get("manifests").get(0).get("model").asText());
                assertEquals(1, n.get("manifests").get(0).get("version").asInt());
                assertEquals("deployed", n.get("last_deployment").get("status").asText());
            }

            // b goes away: the pre-flight check refuses a canary rollout of v2 that includes b, before a is touched
            b.close();
            Cli.Result refused = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(), "--manifest",
                    dir.resolve("m2.json").toString(), "--nodes", "a,b", "--canary", "--json", "--timeout-ms", "1000",
                    "--attempts", "2");
            assertEquals(1, refused.exit(), refused.err());
            assertEquals("", refused.out(), "nothing was published, so there is no report");
            assertTrue(refused.err().startsWith("rollout not started, no node was touched: unreachable: b (cannot connect"),
                    refused.err());
            assertTrue(refused.err().strip().endsWith("start them, or publish to the others with --skip-unreachable"),
                    refused.err());
            assertEquals(1, new org.aodnn.edgeconnector.publish.EdgeClient(java.time.Duration.ofSeconds(2))
                    .currentManifest(new org.aodnn.edgeconnector.publish.NodeTarget("a", a.baseUri(), null), "alexnet")
                    .orElseThrow().get("version").asInt(), "a still serves v1");

            Cli.Result unknown = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(), "--manifest",
                    dir.resolve("m1.json").toString(), "--nodes", "zz");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.err().contains("no edge node named 'zz'"), unknown.err());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Latency CSVs (layer_index, latency_ms) of alexnet from the stored measurements, as an operator would export. */
    private static void writeLatencyCsvs(Path db, Path mobile, Path edge) throws Exception {
        try (Store store = Store.open(db)) {
            var policy = PolicyInputs.resolve(store, Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80,
                    2000, 30));
            DnnModel model = policy.model();
            StringBuilder m = new StringBuilder("layer_index,latency_ms\n");
            StringBuilder e = new StringBuilder("layer_index,latency_ms\n");
            for (int i = 0; i < model.layers().size(); i++) {
                var cost = policy.problem().inputs().layers().get(i);
                m.append(String.format(Locale.ROOT, "%d,%s%n", i, Double.toString(cost.twMs())));
                e.append(String.format(Locale.ROOT, "%d,%s%n", i, Double.toString(cost.teMs())));
            }
            Files.writeString(mobile, m);
            Files.writeString(edge, e);
        }
    }
}
