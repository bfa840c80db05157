package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.ManifestRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish} checks the signature before it stores or sends anything, and sends to each node once. */
class PublishVerificationCommandTest {

    @TempDir
    Path dir;
    Path db;
    Path keys;
    Path pem;

    @BeforeEach
    void consoleWithTwoManifests() throws Exception {
        db = dir.resolve("workbench");
        keys = dir.resolve("keys");
        try (Store store = TestStores.open(dir)) {
            new PolicyStore(store).save("alexnet-wifi",
                    Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30));
        }
        for (String out : List.of("m1.json", "m2.json")) {
            Cli.Result built = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys",
                    keys.toString(), "--policy", "alexnet-wifi", "--out", dir.resolve(out).toString());
            assertEquals(0, built.exit(), built.err());
        }
        pem = dir.resolve("console.pem");
        Files.writeString(pem, Cli.run(new KeysCommand(), "export", "--keys", keys.toString()).out());
    }

    private List<ManifestEntry> storedManifests() {
        try (Store store = Store.open(db)) {
            return new ManifestRepository(store.dsl()).list();
        }
    }

    @Test
    void aForgedManifestIsRefusedBeforeAnythingIsStoredOrSent() throws Exception {
        ObjectNode forged = (ObjectNode) StrictJson.parse(Files.readAllBytes(dir.resolve("m2.json")));
        forged.put("version", 99);
        Path forgedFile = dir.resolve("v99.json");
        Files.write(forgedFile, StrictJson.pretty(forged));

        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent"),
                TrustedKeys.fromPemFiles(List.of(pem))))) {
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "n1", agent.baseUri().toString(), "--db", db.toString())
                    .exit());
            Cli.Result pub = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", forgedFile.toString(), "--nodes", "n1");
            assertEquals(1, pub.exit(), pub.out());
            assertTrue(pub.err().startsWith(forgedFile + ": alexnet v99 does not verify: the signature does not match"
                    + " the content"), pub.err());
            assertTrue(pub.err().contains("nothing was stored or sent"), pub.err());
            assertEquals(List.of(1, 2), storedManifests().stream().map(ManifestEntry::version).toList());
            try (Store store = Store.open(db)) {
                assertTrue(new DeploymentRepository(store.dsl()).forNode("n1").isEmpty());
            }

            // the next build is v3, not v100
            Cli.Result next = Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                    "--policy", "alexnet-wifi", "--out", dir.resolve("m3.json").toString(), "--json");
            assertEquals(0, next.exit(), next.err());
            assertEquals(3, StrictJson.parse(next.out()).get("version").asInt());

            // a manifest signed by another console's key: refused unless that key is trusted with --key
            Path otherKeys = dir.resolve("other-keys");
            Path otherDb = dir.resolve("other").resolve("workbench");
            Files.createDirectories(otherDb.getParent());
            try (Store other = TestStores.open(otherDb.getParent())) {
                new PolicyStore(other).save("alexnet-wifi",
                        Policies.settings(other, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30));
            }
            Path foreignFile = dir.resolve("foreign.json");
            for (int v = 1; v <= 4; v++) { // v4: a version this console has not stored yet
                assertEquals(0, Cli.run(new ManifestCommand(), "build", "--db", otherDb.toString(), "--keys",
                        otherKeys.toString(), "--policy", "alexnet-wifi", "--out", foreignFile.toString()).exit());
            }
            Cli.Result foreign = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", foreignFile.toString(), "--nodes", "n1");
            assertEquals(1, foreign.exit());
            assertTrue(foreign.err().contains("which is not trusted here"), foreign.err());
            assertEquals(3, storedManifests().size());
            Path otherPem = dir.resolve("other.pem");
            Files.writeString(otherPem, Cli.run(new KeysCommand(), "export", "--keys", otherKeys.toString()).out());
            Cli.Result trusted = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--key", otherPem.toString(), "--manifest", foreignFile.toString(), "--nodes", "n1", "--json");
            // the console trusts it now; this agent does not, and says so (403)
            assertEquals(2, trusted.exit(), trusted.err());
            assertTrue(StrictJson.parse(trusted.out()).get("nodes").get(0).get("message").asText()
                    .startsWith("HTTP 403"), trusted.out());
        }
    }

    @Test
    void aConsoleWithoutKeysCannotVouchForAnyManifest() {
        Cli.Result pub = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", dir.resolve("empty").toString(),
                "--manifest", dir.resolve("m1.json").toString(), "--nodes", "n1");
        assertEquals(1, pub.exit());
        assertTrue(pub.err().contains("this console has no signing key in " + dir.resolve("empty")), pub.err());
        assertFalse(Files.exists(dir.resolve("empty")), "checking creates no key");
    }

    @Test
    void aNodeNamedTwiceIsPublishedToOnce() throws Exception {
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent"),
                TrustedKeys.fromPemFiles(List.of(pem))))) {
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "n1", agent.baseUri().toString(), "--db", db.toString())
                    .exit());
            Cli.Result pub = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", dir.resolve("m1.json").toString(), "--nodes", "n1,n1", "--json");
            assertEquals(0, pub.exit(), pub.err());
            JsonNode report = StrictJson.parse(pub.out());
            assertEquals("deployed alexnet v1 to 1 node(s)", report.get("message").asText());
            assertEquals(1, report.get("nodes").size());
            assertEquals("deployed", report.get("nodes").get(0).get("status").asText());
            try (Store store = Store.open(db)) {
                assertEquals(1, new DeploymentRepository(store.dsl()).forNode("n1").size());
            }
        }
    }
}
