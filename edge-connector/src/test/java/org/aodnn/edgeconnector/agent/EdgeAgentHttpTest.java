package org.aodnn.edgeconnector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.CanonicalJson;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestDigest;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.testing.DirectorySnapshot;
import org.aodnn.edgeconnector.testing.Http;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent on a loopback port, driven over HTTP. */
class EdgeAgentHttpTest {

    @TempDir
    Path dir;
    KeyPair key = Ed25519.generate();
    EdgeAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = EdgeAgent.start(AgentConfig.loopback(dir, TrustedKeys.of(List.of(key.getPublic())))
                .withCorsOrigin("https://app.example.org"));
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    URI uri(String path) {
        return agent.baseUri().resolve(path);
    }

    HttpResponse<String> put(String model, byte[] body) throws Exception {
        return Http.put(uri("/v1/manifests/" + model), body);
    }

    @Test
    void publishAndFetchBack() throws Exception {
        ObjectNode doc = ManifestFixtures.signed("alexnet", 1, key);
        HttpResponse<String> created = put("alexnet", ManifestFixtures.bytes(doc));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode answer = StrictJson.parse(created.body());
        assertEquals(1, answer.get("version").asLong());
        assertEquals(ManifestDigest.sha256(doc), answer.get("sha256").asText());

        HttpResponse<String> fetched = Http.get(uri("/v1/manifests/alexnet"));
        assertEquals(200, fetched.statusCode());
        assertEquals(CanonicalJson.string(doc), fetched.body(), "served as canonical JSON, signature included");
        String etag = fetched.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + ManifestDigest.sha256(doc) + "\"", etag);
        assertEquals("https://app.example.org", fetched.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(ManifestSignature.verify(StrictJson.parse(fetched.body()),
                TrustedKeys.of(List.of(key.getPublic()))).valid());

        assertEquals(304, Http.get(uri("/v1/manifests/alexnet"), "If-None-Match", etag).statusCode());

        JsonNode list = StrictJson.parse(Http.get(uri("/v1/manifests")).body()).get("manifests");
        assertEquals(1, list.size());
        assertEquals("alexnet", list.get(0).get("model").asText());
        assertEquals(ManifestDigest.sha256(doc), list.get(0).get("sha256").asText());
        assertTrue(list.get(0).has("published_at"));

        JsonNode health = StrictJson.parse(Http.get(uri("/healthz")).body());
        assertEquals("ok", health.get("status").asText());
        assertEquals(1, health.get("manifests").asInt());
        assertTrue(health.has("uptime_s") && health.has("version"));
    }

    @Test
    void servesTheBrowserRuntimeWithCors() throws Exception {
        HttpResponse<String> js = Http.get(uri("/auto-offloading.js"));
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(js.body().contains("export function makeDecision"), "the runtime module is served");
        assertEquals("https://app.example.org", js.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void rejectsBadManifestsWithTheRightStatusAndStoresNothing() throws Exception {
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 2, key))).statusCode());
        Map<String, String> before = DirectorySnapshot.of(dir);

        ObjectNode tampered = ManifestFixtures.signed("alexnet", 3, key);
        ((ObjectNode) tampered.get("bounds")).put("t_max_ms", 900);
        assertStatus(403, "does not match the content", put("alexnet", ManifestFixtures.bytes(tampered)));

        assertStatus(403, "not signed", put("alexnet", ManifestFixtures.bytes(ManifestFixtures.unsigned("alexnet", 3))));

        ObjectNode foreign = ManifestFixtures.signed("alexnet", 3, Ed25519.generate());
        assertStatus(403, "not trusted", put("alexnet", ManifestFixtures.bytes(foreign)));

        assertStatus(409, "not above the current version 2",
                put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 2, key))));
        assertStatus(409, "not above", put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 1, key))));

        ObjectNode huge = ManifestFixtures.signed("alexnet", 3, key);
        huge.putArray("predictors").addObject().put("name", "big").put("quantity", "x")
                .put("blob", "a".repeat(AgentConfig.MAX_BODY_BYTES));
        assertStatus(413, "1 MiB", put("alexnet", ManifestFixtures.bytes(huge)));

        assertStatus(400, "not valid JSON", put("alexnet", "{\"schema\": ".getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, "not valid JSON", put("alexnet", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, "expected a JSON object", put("alexnet", "[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, "does not match", put("..evil", ManifestFixtures.bytes(ManifestFixtures.signed("..evil", 3, key))));
        assertStatus(400, "the URL names 'vgg16'",
                put("vgg16", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 3, key))));
        ObjectNode badSchema = ManifestFixtures.unsigned("alexnet", 3);
        ((ObjectNode) badSchema.get("layers").get("items").get(1)).put("tw_ms", -1);
        ManifestSignature.sign(badSchema, key.getPrivate(), key.getPublic());
        assertStatus(400, "$.layers.items[1].tw_ms", put("alexnet", ManifestFixtures.bytes(badSchema)));
        ObjectNode extra = ManifestFixtures.unsigned("alexnet", 3);
        extra.put("debug", true);
        assertStatus(400, "$.debug: unknown member", put("alexnet", ManifestFixtures.bytes(extra)));
        ObjectNode noKeyId = ManifestFixtures.signed("alexnet", 3, key);
        ((ObjectNode) noKeyId.get("signature")).remove("key_id");
        assertStatus(400, "$.signature.key_id: missing", put("alexnet", ManifestFixtures.bytes(noKeyId)));

        assertEquals(before, DirectorySnapshot.of(dir), "no rejected manifest left anything on disk");
        assertEquals(2, StrictJson.parse(Http.get(uri("/v1/manifests/alexnet")).body()).get("version").asLong());
    }

    @Test
    void checksRunInTheDocumentedOrder() throws Exception {
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 5, key))).statusCode());
        // oversized beats everything: an unsigned, stale, oversized body is 413
        ObjectNode hugeUnsignedStale = ManifestFixtures.unsigned("alexnet", 1);
        hugeUnsignedStale.putArray("predictors").addObject().put("name", "n").put("quantity", "q")
                .put("blob", "b".repeat(AgentConfig.MAX_BODY_BYTES));
        assertEquals(413, put("alexnet", ManifestFixtures.bytes(hugeUnsignedStale)).statusCode());
        // a bad model id beats a wrong signature
        assertEquals(400, put("-bad", ManifestFixtures.bytes(ManifestFixtures.unsigned("-bad", 9))).statusCode());
        // a schema error beats a missing signature
        ObjectNode unsignedBadSchema = ManifestFixtures.unsigned("alexnet", 9);
        unsignedBadSchema.remove("eta");
        assertStatus(400, "$.eta: missing", put("alexnet", ManifestFixtures.bytes(unsignedBadSchema)));
        // a bad signature beats a stale version
        ObjectNode tamperedStale = ManifestFixtures.signed("alexnet", 1, key);
        tamperedStale.put("eta", 1);
        assertEquals(403, put("alexnet", ManifestFixtures.bytes(tamperedStale)).statusCode());
    }

    @Test
    void writesNeedTheTokenWhenOneIsSet() throws Exception {
        agent.close();
        agent = EdgeAgent.start(AgentConfig.loopback(dir, TrustedKeys.of(List.of(key.getPublic()))).withToken("s3cret"));
        byte[] body = ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 1, key));
        assertEquals(401, put("alexnet", body).statusCode());
        assertEquals(401, Http.put(uri("/v1/manifests/alexnet"), body, "Authorization", "Bearer wrong").statusCode());
        assertEquals(201, Http.put(uri("/v1/manifests/alexnet"), body, "Authorization", "Bearer s3cret").statusCode());
        assertEquals(401, Http.post(uri("/v1/manifests/alexnet/rollback")).statusCode());
        assertEquals(200, Http.get(uri("/v1/manifests/alexnet")).statusCode(), "reads stay open");
        assertFalse(Http.get(uri("/v1/manifests/alexnet")).headers().firstValue("Access-Control-Allow-Origin").isPresent(),
                "no CORS header without --cors-origin");
    }

    @Test
    void rollbackReturnsToThePreviousVersionAndKeepsFive() throws Exception {
        for (int v = 1; v <= 7; v++) {
            assertEquals(201, put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", v, key))).statusCode());
        }
        try (var files = Files.list(dir.resolve("manifests/alexnet"))) {
            assertEquals(5, files.filter(p -> p.getFileName().toString().startsWith("v")).count(), "last five kept");
        }
        HttpResponse<String> rolled = Http.post(uri("/v1/manifests/alexnet/rollback"));
        assertEquals(200, rolled.statusCode(), rolled.body());
        assertEquals(6, StrictJson.parse(rolled.body()).get("version").asLong());
        assertEquals(7, StrictJson.parse(rolled.body()).get("rolled_back_from").asLong());
        assertEquals(6, StrictJson.parse(Http.get(uri("/v1/manifests/alexnet")).body()).get("version").asLong());
        // the withdrawn version may be published again (it is above the current one)
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 7, key))).statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals(200, Http.post(uri("/v1/manifests/alexnet/rollback")).statusCode());
        }
        assertEquals(404, Http.post(uri("/v1/manifests/vgg16/rollback")).statusCode());

        agent.close();
        agent = EdgeAgent.start(AgentConfig.loopback(dir, TrustedKeys.of(List.of(key.getPublic()))));
        assertEquals(3, StrictJson.parse(Http.get(uri("/v1/manifests/alexnet")).body()).get("version").asLong(),
                "a restart finds the same current version");
        assertTrue(Files.readString(dir.resolve("agent.log")).contains("rolled alexnet back from v4 to v3"));
    }

    @Test
    void rollingBackAFirstDeploymentWithdrawsItAndARestartKeepsItWithdrawn() throws Exception {
        ObjectNode v1 = ManifestFixtures.signed("alexnet", 1, key);
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(v1)).statusCode());
        // a rollback for another manifest than the current one (another console published meanwhile) changes nothing
        assertStatus(409, "not the one to roll back", Http.post(uri("/v1/manifests/alexnet/rollback?sha256=" + "0".repeat(64))));
        assertEquals(200, Http.get(uri("/v1/manifests/alexnet")).statusCode());
        HttpResponse<String> rolled = Http.post(uri("/v1/manifests/alexnet/rollback?sha256=" + ManifestDigest.sha256(v1)));
        assertEquals(200, rolled.statusCode(), rolled.body());
        JsonNode answer = StrictJson.parse(rolled.body());
        assertTrue(answer.get("withdrawn").asBoolean(), rolled.body());
        assertEquals(1, answer.get("rolled_back_from").asLong());
        assertFalse(answer.has("version"), "nothing is current any more");
        assertEquals(404, Http.get(uri("/v1/manifests/alexnet")).statusCode());
        assertEquals(0, StrictJson.parse(Http.get(uri("/v1/manifests")).body()).get("manifests").size());
        assertEquals(0, StrictJson.parse(Http.get(uri("/healthz")).body()).get("manifests").asInt());
        assertEquals(404, Http.post(uri("/v1/manifests/alexnet/rollback")).statusCode(), "nothing left to roll back");

        agent.close();
        agent = EdgeAgent.start(AgentConfig.loopback(dir, TrustedKeys.of(List.of(key.getPublic()))));
        assertEquals(404, Http.get(uri("/v1/manifests/alexnet")).statusCode(), "a restart does not bring it back");
        assertTrue(Files.readString(dir.resolve("agent.log")).contains("withdrew alexnet v1"));
        // as before the first deployment, the same version may be published again
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(ManifestFixtures.signed("alexnet", 1, key))).statusCode());
    }

    @Test
    void theAuthEndpointTellsAWrongTokenFromARightOne() throws Exception {
        assertEquals("not required", StrictJson.parse(Http.get(uri("/v1/auth")).body()).get("token").asText());
        agent.close();
        agent = EdgeAgent.start(AgentConfig.loopback(dir, TrustedKeys.of(List.of(key.getPublic()))).withToken("s3cret"));
        assertEquals(401, Http.get(uri("/v1/auth")).statusCode());
        assertEquals(401, Http.get(uri("/v1/auth"), "Authorization", "Bearer wrong").statusCode());
        HttpResponse<String> ok = Http.get(uri("/v1/auth"), "Authorization", "Bearer s3cret");
        assertEquals(200, ok.statusCode());
        assertEquals("accepted", StrictJson.parse(ok.body()).get("token").asText());
        assertEquals(405, Http.post(uri("/v1/auth")).statusCode());
    }

    @Test
    void duringAKeyRotationBothKeysAreAccepted() throws Exception {
        Path keys = dir.resolveSibling(dir.getFileName() + "-keys");
        var store = new org.aodnn.edgeconnector.crypto.SigningKeyStore(keys);
        var old = store.current();
        var rotation = store.rotate();
        Path trustFile = dir.resolveSibling(dir.getFileName() + "-trust.pem");
        Files.writeString(trustFile, rotation.current().publicPem() + old.publicPem());
        agent.close();
        agent = EdgeAgent.start(AgentConfig.loopback(dir, TrustedKeys.fromPemFiles(List.of(trustFile))));
        ObjectNode byOld = ManifestSignature.sign(ManifestFixtures.unsigned("alexnet", 1), old.privateKey(), old.publicKey());
        ObjectNode byNew = ManifestSignature.sign(ManifestFixtures.unsigned("alexnet", 2),
                rotation.current().privateKey(), rotation.current().publicKey());
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(byOld)).statusCode());
        assertEquals(201, put("alexnet", ManifestFixtures.bytes(byNew)).statusCode());
        assertEquals(old.keyId(), rotation.previous().keyId());
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        assertEquals(404, Http.get(uri("/v1/manifests/none")).statusCode());
        assertEquals(404, Http.get(uri("/nothing")).statusCode());
        assertEquals(405, Http.post(uri("/healthz")).statusCode());
    }

    private static void assertStatus(int status, String messagePart, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        String error = StrictJson.parse(response.body()).get("error").asText();
        assertTrue(error.contains(messagePart), "'" + error + "' should mention '" + messagePart + "'");
    }
}
