package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.aodnn.edgeconnector.testing.StubNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher believes only an agent's answers: a 200 from a web server, an upload answer without the
 * manifest's model, version and sha256, or a rollback answer without the version now current is a failure,
 * not "deployed" or "rolled back to v0".
 */
class PublisherAnswerCheckTest {

    @TempDir
    Path dir;
    final KeyPair key = Ed25519.generate();
    final PublishOptions fast = new PublishOptions(Duration.ofSeconds(3), 2, Duration.ofMillis(20), 4);
    final EdgeClient client = new EdgeClient(Duration.ofSeconds(3));

    SignedManifest manifest(long version) throws Exception {
        return SignedManifest.of(ManifestFixtures.signed("alexnet", version, key));
    }

    @Test
    void aWebServerAnsweringOkToEverythingIsNotDeployed() throws Exception {
        try (StubNode page = StubNode.start((ex, stub) -> {
            if (!StubNode.agentHealth(ex)) {
                StubNode.send(ex, 200, "<html>It works!</html>");
            }
        });
             StubNode noVersion = StubNode.start((ex, stub) -> {
                 if (!StubNode.agentHealth(ex)) {
                     StubNode.send(ex, 201, "{\"status\":\"ok\"}");
                 }
             })) {
            for (var stub : List.of(page, noVersion)) {
                PublishReport report = new Publisher(client, fast).publish(manifest(1),
                        List.of(new NodeTarget("web", stub.baseUri(), null)), Rollout.ALL_AT_ONCE, PublishListener.NONE,
                        () -> false);
                assertFalse(report.success(), report.message());
                NodeOutcome o = report.nodes().get(0);
                assertEquals(NodeState.FAILED, o.state());
                assertEquals(1, o.attempts(), "the same answer again would not help");
                assertEquals(stub == page ? "the answer is not an edge agent's (HTTP 200: <html>It works!</html>)"
                        : "the answer is not an edge agent's (HTTP 201 names model missing, not alexnet)", o.message());
            }
        }
    }

    @Test
    void aRollbackAnswerWithoutTheCurrentVersionIsNotARollback() throws Exception {
        TrustedKeys trusted = TrustedKeys.of(List.of(key.getPublic()));
        try (EdgeAgent b = EdgeAgent.start(AgentConfig.loopback(dir.resolve("b"), trusted));
             EdgeAgent c = EdgeAgent.start(AgentConfig.loopback(dir.resolve("c"),
                     TrustedKeys.of(List.of(Ed25519.generate().getPublic()))));
             // a proxy in front of b that relays everything but answers a rollback with an empty object
             StubNode proxy = StubNode.start((ex, stub) -> {
                 if (ex.getRequestURI().getPath().endsWith("/rollback")) {
                     StubNode.send(ex, 200, "{}");
                 } else {
                     StubNode.relay(ex, b.baseUri());
                 }
             })) {
            NodeTarget viaProxy = new NodeTarget("b", proxy.baseUri(), null);
            PublishReport report = new Publisher(client, fast).publish(manifest(1),
                    List.of(viaProxy, new NodeTarget("c", c.baseUri(), null)), Rollout.CANARY, PublishListener.NONE,
                    () -> false);
            assertFalse(report.success());
            NodeOutcome o = report.nodes().get(0);
            assertEquals(NodeState.ROLLBACK_FAILED, o.state(), o.message());
            assertEquals("could not roll back (the answer is not an edge agent's (HTTP 200 names model missing, not "
                    + "alexnet)); the node may still serve v1", o.message());
            assertTrue(client.currentManifest(new NodeTarget("b", b.baseUri(), null), "alexnet").isPresent(),
                    "and indeed b still serves it");
        }
    }

    @Test
    void aManifestServedBeforeIsNotCountedOursAfterAnAnsweredError() throws Exception {
        SignedManifest m = manifest(3);
        java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();
        try (StubNode node = StubNode.start((ex, stub) -> {
            if (StubNode.agentHealth(ex)) {
                return;
            }
            // the first upload is answered with an error (nothing installed); the retry finds v3 current, as it
            // was before this publication
            StubNode.send(ex, puts.incrementAndGet() == 1 ? 503 : 409, puts.get() == 1 ? "{\"error\":\"busy\"}"
                    : "{\"error\":\"already current\",\"current_version\":3,\"current_sha256\":\"" + m.sha256() + "\"}");
        })) {
            PublishReport report = new Publisher(client, fast).publish(m, List.of(new NodeTarget("a", node.baseUri(), null)),
                    Rollout.ALL_AT_ONCE, PublishListener.NONE, () -> false);
            NodeOutcome o = report.nodes().get(0);
            assertEquals(NodeState.ALREADY_CURRENT, o.state(), o.message());
            assertEquals(2, o.attempts());
        }
    }

    @Test
    void aRollbackRefusedBecauseAnotherPublicationIsCurrentLeavesItAndSaysSo() throws Exception {
        SignedManifest m = manifest(5);
        try (StubNode superseded = StubNode.start((ex, stub) -> {
            if (StubNode.agentHealth(ex)) {
                return;
            }
            if (ex.getRequestMethod().equals("PUT")) {
                StubNode.send(ex, 201, "{\"model\":\"alexnet\",\"version\":5,\"sha256\":\"" + m.sha256() + "\"}");
            } else { // the rollback: meanwhile another console put v7 there
                StubNode.send(ex, 409, "{\"error\":\"the current manifest of alexnet is v7\",\"current_version\":7,"
                        + "\"current_sha256\":\"" + "ab".repeat(32) + "\"}");
            }
        });
             StubNode refusing = StubNode.start((ex, stub) -> {
                 if (!StubNode.agentHealth(ex)) {
                     StubNode.send(ex, 403, "{\"error\":\"untrusted key\"}");
                 }
             })) {
            PublishReport report = new Publisher(client, fast).publish(m, List.of(
                            new NodeTarget("a", superseded.baseUri(), null), new NodeTarget("b", refusing.baseUri(), null)),
                    Rollout.ALL_AT_ONCE, PublishListener.NONE, () -> false);
            assertFalse(report.success());
            NodeOutcome a = report.nodes().stream().filter(n -> n.node().equals("a")).findFirst().orElseThrow();
            assertEquals(NodeState.ROLLED_BACK, a.state(), a.message());
            assertEquals(7L, a.deployedVersion());
            assertTrue(a.message().contains("left as is: it serves v7 from another publication since"), a.message());
        }
    }
}
