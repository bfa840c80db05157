package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.StubNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge status} against a real agent and nodes that are something else: a redirect, a web server's page,
 * a malformed health answer, a node trickling its answer, a closed port. Every node is printed, and the exit
 * code is 1 when any is not ok, so a script can tell a dead node.
 */
class EdgeStatusCommandTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard only: the trickling node must not hold the command
    void everyNodeIsPrintedAndAnyNodeNotOkExitsOne() throws Exception {
        Path db = dir.resolve("workbench");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent"),
                TrustedKeys.of(List.of(Ed25519.generate().getPublic()))));
             StubNode redirect = StubNode.start((ex, stub) -> {
                 ex.getResponseHeaders().set("Location", "https://portal.example.org/login");
                 ex.sendResponseHeaders(302, -1);
             });
             StubNode page = StubNode.start((ex, stub) -> StubNode.send(ex, 200, "<html>It works!</html>"));
             StubNode many = StubNode.start((ex, stub) -> StubNode.send(ex, 200,
                     "{\"status\":\"ok\",\"version\":\"1\",\"uptime_s\":3,\"manifests\":\"many\"}"));
             StubNode trickle = StubNode.start((ex, stub) -> {
                 ex.sendResponseHeaders(200, 100_000);
                 OutputStream out = ex.getResponseBody();
                 try {
                     while (true) {
                         out.write(' ');
                         out.flush();
                         Thread.sleep(300);
                     }
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
             })) {
            Map<String, String> urls = Map.of("a-agent", agent.baseUri().toString(),
                    "b-redirect", redirect.baseUri().toString(), "c-page", page.baseUri().toString(),
                    "d-many", many.baseUri().toString(), "e-trickle", trickle.baseUri().toString(),
                    "f-closed", "http://127.0.0.1:" + closed);
            for (var e : urls.entrySet()) {
                Cli.Result add = Cli.run(new EdgeCommand(), "add", e.getKey(), e.getValue(), "--db", db.toString());
                assertEquals(0, add.exit(), add.err());
            }

            Cli.Result json = Cli.run(new EdgeCommand(), "status", "--json", "--timeout-ms", "800", "--db", db.toString());
            assertEquals(1, json.exit(), json.err());
            JsonNode nodes = StrictJson.parse(json.out()).get("nodes");
            assertEquals(6, nodes.size(), "every node is in the document: " + json.out());
            Map<String, JsonNode> byName = new HashMap<>();
            nodes.forEach(n -> byName.put(n.get("name").asText(), n));
            assertEquals("ok", byName.get("a-agent").get("status").asText(), byName.get("a-agent").toString());

            JsonNode r = byName.get("b-redirect");
            assertEquals("error", r.get("status").asText());
            assertEquals("HTTP 302 redirect to https://portal.example.org/login: not an edge agent's answer (agents"
                    + " never redirect; register the agent's own URL)", r.get("message").asText());
            JsonNode p = byName.get("c-page");
            assertEquals("error", p.get("status").asText());
            assertEquals("HTTP 200, but not an edge agent's answer: <html>It works!</html>", p.get("message").asText());
            JsonNode m = byName.get("d-many");
            assertEquals("error", m.get("status").asText());
            assertEquals("malformed /healthz answer: \"manifests\" is \"many\", expected a whole number",
                    m.get("message").asText());
            JsonNode t = byName.get("e-trickle");
            assertEquals("unreachable", t.get("status").asText());
            assertEquals("no complete answer from " + trickle.baseUri() + " to GET /healthz within 800 ms (the answer"
                    + " started but did not finish)", t.get("message").asText());
            assertEquals("unreachable", byName.get("f-closed").get("status").asText());
            assertEquals("5 of 6 edge node(s) not ok: b-redirect (error), c-page (error), d-many (error), e-trickle "
                    + "(unreachable), f-closed (unreachable)", json.err().strip());

            Cli.Result text = Cli.run(new EdgeCommand(), "status", "--timeout-ms", "800", "--db", db.toString());
            assertEquals(1, text.exit(), text.err());
            for (String name : urls.keySet()) {
                assertTrue(text.out().contains(name), name + " is printed: " + text.out());
            }

            // with only the agent left, all is well: exit 0
            for (String name : List.of("b-redirect", "c-page", "d-many", "e-trickle", "f-closed")) {
                assertEquals(0, Cli.run(new EdgeCommand(), "remove", name, "--db", db.toString()).exit());
            }
            Cli.Result fine = Cli.run(new EdgeCommand(), "status", "--db", db.toString());
            assertEquals(0, fine.exit(), fine.err());
            assertEquals("", fine.err());
        }
    }
}
