package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.DirectorySnapshot;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against real agents on loopback ports (in this JVM), without the database. */
class PublisherTest {

    @TempDir
    Path dir;
    final KeyPair key = Ed25519.generate();
    final List<EdgeAgent> agents = new ArrayList<>();
    final EdgeClient client = new EdgeClient(Duration.ofSeconds(3));
    final PublishOptions fast = new PublishOptions(Duration.ofSeconds(3), 3, Duration.ofMillis(50), 8);

    @AfterEach
    void stopAgents() {
        agents.forEach(EdgeAgent::close);
    }

    NodeTarget agent(String name, KeyPair trusted) throws IOException {
        EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve(name),
                TrustedKeys.of(List.of(trusted.getPublic()))));
        agents.add(agent);
        return new NodeTarget(name, agent.baseUri(), null);
    }

    SignedManifest manifest(long version) throws Exception {
        return SignedManifest.of(ManifestFixtures.signed("alexnet", version, key));
    }

    long servedVersion(NodeTarget node) throws Exception {
        return client.currentManifest(node, "alexnet").orElseThrow().get("version").asLong();
    }

    @Test
    void allAtOnceDeploysEverywhereAndIsIdempotent() throws Exception {
        List<NodeTarget> nodes = List.of(agent("a", key), agent("b", key), agent("c", key));
        List<String> events = new CopyOnWriteArrayList<>();
        PublishReport report = new Publisher(client, fast).publish(manifest(1), nodes, Rollout.ALL_AT_ONCE,
                (node, state, message) -> events.add(node + ":" + state), () -> false);
        assertTrue(report.success(), report.message());
        assertEquals(3, report.count(NodeState.DEPLOYED));
        for (NodeTarget n : nodes) {
            assertEquals(1, servedVersion(n));
            assertTrue(events.contains(n.name() + ":UPLOADING") && events.contains(n.name() + ":DEPLOYED"));
        }
        PublishReport again = new Publisher(client, fast).publish(manifest(1), nodes, Rollout.ALL_AT_ONCE,
                PublishListener.NONE, () -> false);
        assertTrue(again.success());
        assertEquals(3, again.count(NodeState.ALREADY_CURRENT), "re-publishing the same manifest changes nothing");
    }

    @Test
    void aRefusingNodeStopsTheRolloutAndTheOthersAreRolledBack() throws Exception {
        List<NodeTarget> nodes = List.of(agent("a", key), agent("b", key), agent("c", Ed25519.generate()));
        assertTrue(new Publisher(client, fast).publish(manifest(1), nodes.subList(0, 2), Rollout.ALL_AT_ONCE,
                PublishListener.NONE, () -> false).success());
        PublishReport report = new Publisher(client, fast).publish(manifest(2), nodes, Rollout.ALL_AT_ONCE,
                PublishListener.NONE, () -> false);
        assertFalse(report.success());
        assertTrue(report.message().contains("c: HTTP 403"), report.message());
        NodeOutcome c = report.nodes().get(2);
        assertEquals(NodeState.FAILED, c.state());
        assertEquals(1, c.attempts(), "a 403 is the agent's verdict: not retried");
        for (NodeOutcome o : report.nodes().subList(0, 2)) {
            assertTrue(o.state() == NodeState.ROLLED_BACK || o.state() == NodeState.SKIPPED, o.toString());
            if (o.state() == NodeState.ROLLED_BACK) {
                assertEquals(1L, o.deployedVersion());
            }
        }
        assertEquals(1, servedVersion(nodes.get(0)));
        assertEquals(1, servedVersion(nodes.get(1)));
    }

    @Test
    void canaryFirstThenTheRest() throws Exception {
        List<NodeTarget> nodes = List.of(agent("a", key), agent("b", key), agent("c", key));
        List<String> order = new CopyOnWriteArrayList<>();
        PublishReport report = new Publisher(client, fast).publish(manifest(1), nodes, Rollout.CANARY,
                (node, state, message) -> order.add(node + ":" + state), () -> false);
        assertTrue(report.success(), report.message());
        int canaryVerified = order.indexOf("a:VERIFYING");
        assertTrue(canaryVerified > order.indexOf("a:DEPLOYED"));
        assertTrue(canaryVerified < order.indexOf("b:UPLOADING") && canaryVerified < order.indexOf("c:UPLOADING"),
                "the rest starts after the canary was checked: " + order);
    }

    @Test
    void aRefusingCanaryStopsBeforeTheRest() throws Exception {
        List<NodeTarget> nodes = List.of(agent("a", Ed25519.generate()), agent("b", key));
        Path bDir = dir.resolve("b");
        var before = DirectorySnapshot.of(bDir);
        PublishReport report = new Publisher(client, fast).publish(manifest(1), nodes, Rollout.CANARY,
                PublishListener.NONE, () -> false);
        assertFalse(report.success());
        assertEquals(NodeState.FAILED, report.nodes().get(0).state());
        assertEquals(NodeState.SKIPPED, report.nodes().get(1).state());
        assertEquals(before, DirectorySnapshot.of(bDir), "the rest was never contacted");
    }

    @Test
    void retriesWithBackoffUntilTheNodeComesUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        NodeTarget late = new NodeTarget("late", URI.create("http://127.0.0.1:" + port), null);
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(300);
                agents.add(EdgeAgent.start(new AgentConfig("127.0.0.1", port, dir.resolve("late"),
                        TrustedKeys.of(List.of(key.getPublic())), null, null, null, null, false)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starter.start();
        List<String> events = new CopyOnWriteArrayList<>();
        PublishOptions patient = new PublishOptions(Duration.ofSeconds(3), 6, Duration.ofMillis(200), 4);
        PublishReport report = new Publisher(client, patient).publish(manifest(1), List.of(late), Rollout.ALL_AT_ONCE,
                (n, s, m) -> events.add(s + " " + m), () -> false);
        starter.join();
        assertTrue(report.success(), report.message());
        assertTrue(report.nodes().get(0).attempts() >= 2, "deployed after a retry: " + report.nodes());
        String refused = "RETRYING attempt 2 after: cannot connect to " + late.baseUrl() + " (connection refused)";
        assertTrue(events.stream().anyMatch(e -> e.startsWith(refused)), events.toString());
    }

    @Test
    void aNodeThatNeverAnswersTimesOutAfterTheConfiguredAttempts() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, read nothing, answer nothing
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            NodeTarget mute = new NodeTarget("mute", URI.create("http://127.0.0.1:" + silent.getLocalPort()), null);
            PublishOptions shortTimeout = new PublishOptions(Duration.ofMillis(300), 2, Duration.ofMillis(10), 4);
            PublishReport report = new Publisher(new EdgeClient(Duration.ofMillis(300)), shortTimeout)
                    .publish(manifest(1), List.of(mute), Rollout.ALL_AT_ONCE, PublishListener.NONE, () -> false);
            assertFalse(report.success());
            NodeOutcome o = report.nodes().get(0);
            // the uploads may have arrived: it is checked afterwards, and as it answers nothing its outcome is unknown
            assertEquals(NodeState.UNKNOWN, o.state());
            assertEquals(2, o.attempts());
            assertTrue(o.message().startsWith("timed out; could not be checked: no answer from " + mute.baseUrl()
                    + " to GET /v1/manifests/alexnet (timed out after 300 ms)"), o.message());
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void cancellingStopsAndRollsBackWhatWasUpdated() throws Exception {
        List<NodeTarget> nodes = List.of(agent("a", key), agent("b", key));
        assertTrue(new Publisher(client, fast).publish(manifest(1), nodes, Rollout.ALL_AT_ONCE, PublishListener.NONE,
                () -> false).success());
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        PublishReport report = new Publisher(client, fast).publish(manifest(2), nodes, Rollout.CANARY,
                (node, state, message) -> {
                    if (node.equals("a") && state == NodeState.DEPLOYED) {
                        cancel.set(true); // the operator presses cancel once the canary is updated
                    }
                }, cancel::get);
        assertFalse(report.success());
        assertEquals("rollout stopped: cancelled by the operator; nodes: a rolled back to v1, b not attempted",
                report.message());
        assertEquals(NodeState.ROLLED_BACK, report.nodes().get(0).state());
        assertEquals(NodeState.SKIPPED, report.nodes().get(1).state());
        assertEquals(1, servedVersion(nodes.get(0)));
        assertEquals(1, servedVersion(nodes.get(1)));
    }

    @Test
    void healthOfUpAndDownNodes() throws Exception {
        NodeTarget up = agent("up", key);
        NodeHealth ok = client.health(up);
        assertTrue(ok.ok(), ok.message());
        assertEquals(0, ok.manifests());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        NodeHealth down = client.health(new NodeTarget("down", URI.create("http://127.0.0.1:" + port), null));
        assertEquals("unreachable", down.status());
        assertNull(down.agentVersion());
    }
}
