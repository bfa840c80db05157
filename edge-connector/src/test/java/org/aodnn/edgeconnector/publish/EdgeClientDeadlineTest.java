package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.aodnn.edgeconnector.testing.StubNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every call has one deadline for the whole answer and a cap on its size: a node that sends its headers and
 * then trickles the body, or streams without end, ends in an error naming its URL instead of holding
 * {@code edge status} and {@code publish} for minutes or filling the console's memory. (The timeouts below
 * only catch a hang if the deadline is lost again; nothing here asserts a speed.)
 */
class EdgeClientDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(500);

    /** Headers at once, then one byte of the announced body every 200 ms, forever. */
    private static void trickle(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 1_000_000);
        OutputStream out = ex.getResponseBody();
        try {
            while (true) {
                out.write('{');
                out.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTricklingBodyEndsAtTheDeadlineForEveryCall() throws Exception {
        try (StubNode slow = StubNode.start((ex, stub) -> trickle(ex))) {
            NodeTarget node = new NodeTarget("slow", slow.baseUri(), null);
            EdgeClient client = new EdgeClient(DEADLINE);
            String expected = "no complete answer from " + slow.baseUri() + " to GET /healthz within 500 ms (the answer"
                    + " started but did not finish)";
            NodeHealth health = client.health(node);
            assertEquals(NodeHealth.UNREACHABLE, health.status());
            assertEquals(expected, health.message());

            EdgeConnectionException list = assertThrows(EdgeConnectionException.class, () -> client.listManifests(node));
            assertEquals(expected.replace("/healthz", "/v1/manifests"), list.getMessage());
            EdgeConnectionException current = assertThrows(EdgeConnectionException.class,
                    () -> client.currentManifest(node, "alexnet"));
            assertTrue(current.getMessage().startsWith("no complete answer from " + slow.baseUri()
                    + " to GET /v1/manifests/alexnet within 500 ms"), current.getMessage());
            EdgeConnectionException put = assertThrows(EdgeConnectionException.class,
                    () -> client.putManifest(node, "alexnet", new byte[] {'{', '}'}));
            assertTrue(put.mayHaveArrived(), "an upload whose answer never completed may have been installed");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHugeAnswerIsRefusedAndTheConnectionDropped() throws Exception {
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        try (StubNode huge = StubNode.start((ex, stub) -> {
            if (ex.getRequestURI().getPath().equals("/v1/manifests")) {
                // a 4 GiB answer announced up front
                ex.sendResponseHeaders(200, 4L << 30);
                ex.getResponseBody().write(new byte[64 * 1024]);
                return;
            }
            ex.sendResponseHeaders(200, 0); // chunked, without end
            byte[] chunk = new byte[64 * 1024];
            try {
                OutputStream out = ex.getResponseBody();
                while (written.get() < (1L << 32)) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } finally {
                stopped.complete(null);
            }
        })) {
            NodeTarget node = new NodeTarget("huge", huge.baseUri(), null);
            EdgeClient client = new EdgeClient(Duration.ofSeconds(20));
            NodeHealth health = client.health(node);
            assertEquals(NodeHealth.ERROR, health.status(), "it answered, just not as an agent");
            assertEquals("answer from " + huge.baseUri() + " to GET /healthz larger than 1048576 bytes: not an edge "
                    + "agent?", health.message());
            // the console closed the connection: the node's writes failed long before it sent its 4 GiB
            try {
                stopped.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // the write failed: expected
            }
            assertTrue(written.get() < (64L << 20), "the node could send " + written.get() + " bytes");

            NotAnAgentException declared = assertThrows(NotAnAgentException.class, () -> client.listManifests(node));
            assertEquals("answer from " + huge.baseUri() + " to GET /v1/manifests larger than 1048576 bytes: not an "
                    + "edge agent?", declared.getMessage());
        }
    }
}
