package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.SigningKeyStore.SigningKey;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeTarget;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.Http;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.aodnn.edgeconnector.testing.PublishMain;
import org.aodnn.edgeconnector.testing.StubNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code publish}, as a real SIGINT to a real process: the rollout stops (the upload still in
 * flight is abandoned and its node checked), the node already updated is rolled back, every outcome is stored
 * in the database, and the command exits 2 saying it was interrupted (it used to die with 130, leaving the
 * fleet changed and nothing recorded).
 */
class PublishInterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCRollsBackRecordsAndExitsTwo() throws Exception {
        Path db = dir.resolve("workbench");
        Path keys = dir.resolve("keys");
        SigningKey key = new SigningKeyStore(keys).current();
        KeyPair pair = new KeyPair(key.publicKey(), key.privateKey());
        Path m1 = dir.resolve("m1.json");
        Path m2 = dir.resolve("m2.json");
        Files.write(m1, ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 1, pair)));
        Files.write(m2, ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 2, pair)));
        CountDownLatch uploadHeld = new CountDownLatch(1);
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"),
                TrustedKeys.of(List.of(key.publicKey()))));
             // healthy, takes the upload and keeps the console waiting for its answer
             StubNode slow = StubNode.start((ex, stub) -> {
                 if (StubNode.agentHealth(ex)) {
                     return;
                 }
                 if (ex.getRequestMethod().equals("PUT")) {
                     ex.getRequestBody().readAllBytes();
                     uploadHeld.countDown();
                     stub.hold(ex);
                 } else {
                     StubNode.send(ex, 404, "{\"status\":404,\"error\":\"no manifest for alexnet\"}");
                 }
             })) {
            URI manifestUrl = URI.create(agent.baseUri() + "/v1/manifests/alexnet");
            assertEquals(201, Http.put(manifestUrl, Files.readAllBytes(m1)).statusCode());
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "a", agent.baseUri().toString(), "--db", db.toString())
                    .exit());
            assertEquals(0, Cli.run(new EdgeCommand(), "add", "s", slow.baseUri().toString(), "--db", db.toString())
                    .exit());

            List<String> command = new ArrayList<>();
            if (sigintIgnored()) {
                // started from a shell that ignores SIGINT (a background job): the child would inherit that
                command.addAll(List.of("env", "--default-signal=INT"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    PublishMain.class.getName(), "--db", db.toString(), "--keys", keys.toString(), "--manifest",
                    m2.toString(), "--nodes", "a,s", "--timeout-ms", "60000", "--attempts", "1", "--json"));
            Path out = dir.resolve("publish.out");
            Path err = dir.resolve("publish.err");
            Process publish = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            try {
                assertTrue(uploadHeld.await(90, TimeUnit.SECONDS), "the upload to s never came: " + Files.readString(err));
                EdgeClient client = new EdgeClient(Duration.ofSeconds(5));
                NodeTarget a = new NodeTarget("a", agent.baseUri(), null);
                for (int i = 0; i < 600 && version(client, a) != 2; i++) {
                    Thread.sleep(100);
                }
                assertEquals(2, version(client, a), "a was updated before the Ctrl-C");

                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(publish.pid())).inheritIO().start();
                assertEquals(0, kill.waitFor());
                assertTrue(publish.waitFor(60, TimeUnit.SECONDS), "publish did not end after the Ctrl-C");
                String stderr = Files.readString(err, StandardCharsets.UTF_8);
                assertEquals(2, publish.exitValue(), stderr);
                assertTrue(stderr.contains("interrupted: stopping the rollout"), stderr);
                String last = stderr.strip().substring(stderr.strip().lastIndexOf('\n') + 1);
                assertTrue(last.startsWith("interrupted by SIGINT: rollout stopped: cancelled by the operator; nodes: a "
                        + "rolled back to v1, s failed"), stderr);

                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                JsonNode report = StrictJson.parse(stdout.substring(stdout.indexOf('{')));
                assertEquals("SIGINT", report.get("interrupted").asText());
                assertEquals(1, version(client, a), "a serves v1 again");
                try (Store store = Store.open(db)) {
                    DeploymentRepository deployments = new DeploymentRepository(store.dsl());
                    DeploymentEntry ra = deployments.forNode("a").get(0);
                    assertEquals("rolled_back", ra.status());
                    assertEquals(1, ra.deployedVersion());
                    assertEquals(2, ra.manifestVersion());
                    DeploymentEntry rs = deployments.forNode("s").get(0);
                    assertEquals("failed", rs.status());
                    assertTrue(rs.message().startsWith("upload abandoned on the cancel; not installed (it serves no "
                            + "manifest of alexnet"), rs.message());
                }
            } finally {
                publish.destroyForcibly();
            }
        }
    }

    private static long version(EdgeClient client, NodeTarget node) throws Exception {
        return client.currentManifest(node, "alexnet").map(m -> m.get("version").asLong()).orElse(0L);
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn), which a child it starts would inherit. */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no /proc: assume the default
        }
        return false;
    }
}
