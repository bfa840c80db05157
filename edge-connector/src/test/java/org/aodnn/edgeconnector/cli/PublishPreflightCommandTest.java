package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.SigningKeyStore.SigningKey;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeTarget;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} checks every target before touching any: an unreachable node stops the rollout (exit 1,
 * naming it) unless {@code --skip-unreachable}; a refused token stops it always.
 */
class PublishPreflightCommandTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableTargetStopsTheRolloutBeforeAnyNodeUnlessSkipped() throws Exception {
        Path db = dir.resolve("workbench");
        Path keys = dir.resolve("keys");
        SigningKey key = new SigningKeyStore(keys).current();
        Path m1 = dir.resolve("m1.json");
        Files.write(m1, ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 1,
                new KeyPair(key.publicKey(), key.privateKey()))));
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()));
        try (EdgeAgent a = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"), trusted));
             EdgeAgent t = EdgeAgent.start(AgentConfig.loopback(dir.resolve("t"), trusted).withToken("tok"))) {
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "a", a.baseUri().toString(), "--group", "g",
                    "--db", db.toString()).exit());
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "down", "http://127.0.0.1:" + deadPort, "--group", "g",
                    "--db", db.toString()).exit());

            Cli.Result refused = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", m1.toString(), "--group", "g", "--canary");
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            assertTrue(refused.err().startsWith("rollout not started, no node was touched: unreachable: down (cannot "
                    + "connect to http://127.0.0.1:" + deadPort), refused.err());
            assertTrue(refused.err().strip().endsWith("--skip-unreachable"), refused.err());
            EdgeClient client = new EdgeClient(Duration.ofSeconds(3));
            assertTrue(client.currentManifest(new NodeTarget("a", a.baseUri(), null), "alexnet").isEmpty(),
                    "a was not touched");
            try (Store store = Store.open(db)) {
                assertTrue(new DeploymentRepository(store.dsl()).latestPerNode().isEmpty(), "nothing recorded");
            }

            Cli.Result skipped = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", m1.toString(), "--group", "g", "--canary", "--skip-unreachable", "--json");
            assertEquals(0, skipped.exit(), skipped.out() + skipped.err());
            JsonNode report = StrictJson.parse(skipped.out());
            assertTrue(report.get("success").asBoolean());
            assertTrue(report.get("message").asText().contains("skipped as asked, unreachable: down"),
                    report.get("message").asText());
            assertEquals("deployed", report.get("nodes").get(0).get("status").asText());
            assertEquals("skipped", report.get("nodes").get(1).get("status").asText());
            assertTrue(report.get("nodes").get(1).get("message").asText()
                    .startsWith("skipped as asked: unreachable before the rollout (cannot connect"));
            assertEquals(1, client.currentManifest(new NodeTarget("a", a.baseUri(), null), "alexnet").orElseThrow()
                    .get("version").asLong());

            // a wrong token is not skipped: it is fixed in the registry (aodnn edge update)
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "t", t.baseUri().toString(), "--token", "wrong",
                    "--db", db.toString()).exit());
            Cli.Result token = Cli.run(new PublishCommand(), "--db", db.toString(), "--keys", keys.toString(),
                    "--manifest", m1.toString(), "--nodes", "a,t", "--skip-unreachable");
            assertEquals(1, token.exit(), token.out() + token.err());
            assertTrue(token.err().startsWith("rollout not started, no node was touched: not ready: t (token refused "
                    + "(401): the agent does not accept the registered token"), token.err());
            assertFalse(token.err().contains("--skip-unreachable"), token.err());
            assertTrue(client.currentManifest(new NodeTarget("t", t.baseUri(), null), "alexnet").isEmpty());
        }
    }
}
