package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;

/**
 * How the client reports requests that get no answer: the agent's URL and what happened, the same way for
 * health, the diff (current manifest), listing and publishing, instead of the JDK's bare exception names
 * ("ClosedChannelException").
 */
class EdgeClientFailureTest {

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClosedPortReadsAsConnectionRefusedEverywhere() throws Exception {
        int port = closedLoopbackPort();
        NodeTarget node = new NodeTarget("edge-bad", URI.create("http://127.0.0.1:" + port), null);
        EdgeClient client = new EdgeClient(Duration.ofSeconds(2));
        String expected = "cannot connect to http://127.0.0.1:" + port + " (connection refused)";

        NodeHealth health = client.health(node);
        assertEquals("unreachable", health.status());
        assertEquals(expected, health.message());

        // what the Edge workspace's diff pane asks (and shows after "Cannot ask edge-bad what it serves: ")
        IOException diff = assertThrows(IOException.class, () -> DeployedDiff.of(client, node,
                SignedManifest.of(ManifestFixtures.signed("alexnet", 1, Ed25519.generate()))));
        assertEquals(expected, diff.getMessage());
        assertEquals(expected, EdgeClient.describe(diff));

        IOException list = assertThrows(IOException.class, () -> client.listManifests(node));
        assertEquals(expected, list.getMessage());

        ObjectNode doc = ManifestFixtures.signed("alexnet", 1, Ed25519.generate());
        SignedManifest manifest = SignedManifest.of(doc);
        PublishReport report = new Publisher(client, new PublishOptions(Duration.ofSeconds(2), 1,
                Duration.ofMillis(10), 2)).publish(manifest, List.of(node), Rollout.ALL_AT_ONCE,
                PublishListener.NONE, () -> false);
        assertEquals(NodeState.FAILED, report.nodes().get(0).state());
        assertEquals("gave up after 1 attempt(s): " + expected, report.nodes().get(0).message());
    }

    @Test
    void anAgentThatAcceptsButNeverAnswersTimesOutWithTheLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, answer nothing
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI base = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            NodeHealth health = new EdgeClient(Duration.ofMillis(300)).health(new NodeTarget("mute", base, null));
            assertEquals("unreachable", health.status());
            assertEquals("no answer from " + base + " to GET /healthz (timed out after 300 ms)", health.message());
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
