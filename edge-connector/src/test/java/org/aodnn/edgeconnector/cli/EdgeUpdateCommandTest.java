package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.SigningKeyStore.SigningKey;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge update} fixes a node's token or URL in place (its deployment history stays), {@code edge status}
 * reports a refused token as such, and one agent cannot be registered under two names however its URL is spelt.
 */
class EdgeUpdateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedTokenIsReportedAndFixedInPlaceKeepingTheHistory() throws Exception {
        Path db = dir.resolve("workbench");
        Path keys = dir.resolve("keys");
        SigningKey key = new SigningKeyStore(keys).current();
        Path m1 = dir.resolve("m1.json");
        Files.write(m1, ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 1,
                new KeyPair(key.publicKey(), key.privateKey()))));
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"),
                TrustedKeys.of(List.of(key.publicKey()))).withToken("tok"))) {
            String url = agent.baseUri().toString();
            Cli.Result add = Cli.run(new EdgeCommand(), "add", "n1", url + "/", "--token", "tok", "--db", db.toString());
            assertEquals(0, add.exit(), add.err());
            assertEquals("registered edge node n1 at " + url, add.out().strip(), "stored without the trailing slash");
            Cli.Result pub = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", m1.toString(), "--nodes", "n1");
            assertEquals(0, pub.exit(), pub.out() + pub.err());

            // the agent's token changed (or was mistyped): status says so, distinct from unreachable
            assertEquals(0, Cli.run(new EdgeCommand(), "update", "n1", "--token", "wrong", "--db", db.toString()).exit());
            JsonNode wrong = status(db);
            assertEquals("token_refused", wrong.get("status").asText());
            assertTrue(wrong.get("message").asText().startsWith("token refused (401): the agent does not accept the "
                    + "registered token; fix the node's token (Edit, or aodnn edge update n1 --token T)"), wrong.toString());
            assertEquals(1, wrong.get("manifests").size(), "what it serves is still shown (reads need no token)");

            Cli.Result none = Cli.run(new EdgeCommand(), "update", "n1", "--no-token", "--db", db.toString());
            assertEquals(0, none.exit(), none.err());
            assertTrue(none.out().contains(", no token"), none.out());
            assertTrue(status(db).get("message").asText().startsWith("token refused (401): the agent requires a "
                    + "bearer token and none is registered"));

            Cli.Result fixed = Cli.run(new EdgeCommand(), "update", "n1", "--token", "tok", "--db", db.toString());
            assertEquals(0, fixed.exit(), fixed.err());
            assertEquals("ok", status(db).get("status").asText());
            try (Store store = Store.open(db)) {
                assertEquals(1, new DeploymentRepository(store.dsl()).forNode("n1").size(), "history kept");
            }

            // the same agent under a second name, however spelt, is refused naming the first
            Cli.Result twice = Cli.run(new EdgeCommand(), "add", "n2", url.replace("http://", "HTTP://") + "/",
                    "--db", db.toString());
            assertEquals(1, twice.exit());
            assertEquals("edge node 'n2': " + url + " is already registered as edge node 'n1' (one agent under two "
                    + "names would get every publication twice); edit or remove 'n1' instead", twice.err().strip());
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "n2", "http://127.0.0.1:9", "--group", "lab",
                    "--db", db.toString()).exit());
            Cli.Result moved = Cli.run(new EdgeCommand(), "update", "n2", "--url", url + "/", "--db", db.toString());
            assertEquals(1, moved.exit());
            assertTrue(moved.err().contains("is already registered as edge node 'n1'"), moved.err());

            // the checks of edge add, and nothing changed on a refusal
            Cli.Result bad = Cli.run(new EdgeCommand(), "update", "n2", "--url", "ftp://x", "--db", db.toString());
            assertEquals(1, bad.exit());
            assertEquals("edge node 'n2': URL must start with http:// or https:// (got 'ftp://x')", bad.err().strip());
            assertEquals(2, Cli.run(new EdgeCommand(), "update", "n2", "--db", db.toString()).exit(), "nothing to change");
            Cli.Result unknown = Cli.run(new EdgeCommand(), "update", "zz", "--url", "http://127.0.0.1:10",
                    "--db", db.toString());
            assertEquals(1, unknown.exit());
            assertTrue(unknown.err().contains("no edge node named 'zz'"), unknown.err());

            Cli.Result ok = Cli.run(new EdgeCommand(), "update", "n2", "--url", "http://LocalHost:80/", "--no-group",
                    "--db", db.toString());
            assertEquals(0, ok.exit(), ok.err());
            try (Store store = Store.open(db)) {
                EdgeNode n2 = new EdgeNodeRepository(store.dsl()).require("n2");
                assertEquals("http://localhost", n2.url());
                assertNull(n2.group());
            }
        }
    }

    private static JsonNode status(Path db) throws Exception {
        Cli.Result status = Cli.run(new EdgeCommand(), "status", "--json", "--db", db.toString());
        JsonNode node = StrictJson.parse(status.out()).get("nodes").get(0);
        // exit 1 whenever a node is not ok (a script's way to tell), with the full document all the same
        assertEquals(node.get("status").asText().equals("ok") ? 0 : 1, status.exit(), status.err());
        return node;
    }
}
