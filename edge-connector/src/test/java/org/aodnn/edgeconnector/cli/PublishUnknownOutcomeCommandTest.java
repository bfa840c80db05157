package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.SigningKeyStore.SigningKey;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeTarget;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.Http;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.aodnn.edgeconnector.testing.StubNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload that timed out has an unknown outcome: the agent may have installed it all the same. Behind a
 * proxy that passes the upload on to a real agent and never answers, the node is checked once the uploads are
 * over: found serving the new version it is rolled back with the others when the rollout stops, or counts as
 * deployed when it succeeds; not serving it, it failed; not answering the check, its outcome is unknown; and
 * the database says so.
 */
class PublishUnknownOutcomeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTimedOutUploadIsCheckedAndRolledBackOrCountedOrReportedAsFound() throws Exception {
        Path db = dir.resolve("workbench");
        Path keys = dir.resolve("keys");
        SigningKey key = new SigningKeyStore(keys).current();
        KeyPair pair = new KeyPair(key.publicKey(), key.privateKey());
        Path[] files = new Path[4];
        for (int v = 1; v <= 3; v++) {
            files[v] = dir.resolve("m" + v + ".json");
            Files.write(files[v], ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", v, pair)));
        }
        TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()));
        EdgeClient client = new EdgeClient(Duration.ofSeconds(5));
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("p"), trusted));
             EdgeAgent refusing = EdgeAgent.start(AgentConfig.loopback(dir.resolve("c"),
                     TrustedKeys.of(List.of(Ed25519.generate().getPublic()))));
             // passes the upload on to the agent, which installs it, and never answers it
             StubNode late = StubNode.start((ex, stub) -> {
                 if (ex.getRequestMethod().equals("PUT")) {
                     StubNode.forward(ex, agent.baseUri());
                     stub.hold(ex);
                 } else {
                     StubNode.relay(ex, agent.baseUri());
                 }
             });
             // takes the upload and loses it
             StubNode lost = StubNode.start((ex, stub) -> {
                 if (ex.getRequestMethod().equals("PUT")) {
                     ex.getRequestBody().readAllBytes();
                     stub.hold(ex);
                 } else {
                     StubNode.relay(ex, agent.baseUri());
                 }
             });
             // passes the upload on, then drops the connection without a word
             StubNode dropping = StubNode.start((ex, stub) -> {
                 if (ex.getRequestMethod().equals("PUT")) {
                     StubNode.forward(ex, agent.baseUri());
                     throw new java.io.IOException("dropping the connection");
                 }
                 StubNode.relay(ex, agent.baseUri());
             });
             // healthy before the rollout, silent from the upload on
             StubNode dark = StubNode.start((ex, stub) -> {
                 if (ex.getRequestURI().getPath().startsWith("/v1/manifests")) {
                     stub.hold(ex);
                 } else {
                     StubNode.relay(ex, agent.baseUri());
                 }
             })) {
            NodeTarget direct = new NodeTarget("p", agent.baseUri(), null);
            assertEquals(201, Http.put(URI.create(agent.baseUri() + "/v1/manifests/alexnet"),
                    Files.readAllBytes(files[1])).statusCode());
            add(db, "late", late.baseUri());
            add(db, "lost", lost.baseUri());
            add(db, "dark", dark.baseUri());
            add(db, "dropping", dropping.baseUri());
            add(db, "c", refusing.baseUri());

            // the rollout stops (c refuses v2): late took v2 although its upload timed out, so it is rolled back
            JsonNode stopped = publish(db, keys, files[2], "late,c", 2);
            JsonNode lateNode = node(stopped, "late");
            assertEquals("rolled_back", lateNode.get("status").asText(), lateNode.toString());
            assertEquals(1, lateNode.get("deployed_version").asInt());
            assertTrue(lateNode.get("message").asText().startsWith("timed out; found serving v2 afterwards: rolled back "
                    + "to v1 because c: HTTP 403"), lateNode.toString());
            assertEquals(1, served(client, direct), "the agent behind it serves v1 again");
            DeploymentEntry row = latest(db, "late");
            assertEquals("rolled_back", row.status());
            assertEquals(1, row.deployedVersion());
            assertEquals(lateNode.get("message").asText(), row.message());

            // alone, the same upload timing out but found installed counts as deployed: the rollout succeeded
            JsonNode ok = publish(db, keys, files[2], "late", 0);
            assertTrue(ok.get("success").asBoolean(), ok.toString());
            assertEquals("deployed", node(ok, "late").get("status").asText());
            assertEquals("timed out; found serving v2 afterwards: counts as deployed",
                    node(ok, "late").get("message").asText());
            assertEquals(2, served(client, direct));
            assertEquals("deployed", latest(db, "late").status());

            // an upload that was lost: not installed
            JsonNode notInstalled = publish(db, keys, files[3], "lost", 2);
            JsonNode lostNode = node(notInstalled, "lost");
            assertEquals("failed", lostNode.get("status").asText());
            assertEquals(2, lostNode.get("deployed_version").asInt());
            assertTrue(lostNode.get("message").asText().startsWith("timed out; not installed (it serves v2; the upload: "
                    + "no answer from " + lost.baseUri() + " to PUT /v1/manifests/alexnet (timed out after 1000 ms))"),
                    lostNode.toString());
            assertEquals("failed", latest(db, "lost").status());
            assertEquals(2, served(client, direct));

            // a node that cannot be asked afterwards: unknown, and said so
            JsonNode unknown = publish(db, keys, files[3], "dark", 2);
            JsonNode darkNode = node(unknown, "dark");
            assertEquals("unknown", darkNode.get("status").asText(), darkNode.toString());
            assertTrue(darkNode.get("deployed_version").isNull());
            assertTrue(darkNode.get("message").asText().startsWith("timed out; could not be checked: no answer from "
                    + dark.baseUri() + " to GET /v1/manifests/alexnet (timed out after 1000 ms) (it may serve v3"),
                    darkNode.toString());
            assertTrue(unknown.get("message").asText().contains("dark UNKNOWN"), unknown.get("message").asText());
            assertEquals("unknown", latest(db, "dark").status());

            // the connection dropped after the upload was sent: checked the same way
            JsonNode dropped = publish(db, keys, files[3], "dropping", 0);
            assertEquals("connection dropped after the upload; found serving v3 afterwards: counts as deployed",
                    node(dropped, "dropping").get("message").asText(), dropped.toString());
            assertEquals(3, served(client, direct));
        }
    }

    private static void add(Path db, String name, URI url) {
        Cli.Result r = Cli.run(new EdgeCommand(), "add", name, url.toString(), "--db", db.toString());
        assertEquals(0, r.exit(), r.err());
    }

    private static JsonNode publish(Path db, Path keys, Path manifest, String nodes, int exit) throws Exception {
        Cli.Result r = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(), "--manifest",
                manifest.toString(), "--nodes", nodes, "--timeout-ms", "1000", "--attempts", "1", "--json");
        assertEquals(exit, r.exit(), r.out() + r.err());
        return StrictJson.parse(r.out());
    }

    private static JsonNode node(JsonNode report, String name) {
        for (JsonNode n : report.get("nodes")) {
            if (n.get("node").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + report);
    }

    private static long served(EdgeClient client, NodeTarget node) throws Exception {
        return client.currentManifest(node, "alexnet").orElseThrow().get("version").asLong();
    }

    private static DeploymentEntry latest(Path db, String node) {
        try (Store store = Store.open(db)) {
            List<DeploymentEntry> rows = new DeploymentRepository(store.dsl()).forNode(node);
            return rows.stream().max(java.util.Comparator.comparingLong(DeploymentEntry::id)).orElseThrow();
        }
    }
}
