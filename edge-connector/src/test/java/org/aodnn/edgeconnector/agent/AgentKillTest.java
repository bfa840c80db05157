package org.aodnn.edgeconnector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.CanonicalJson;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestDigest;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.testing.AgentProcess;
import org.aodnn.edgeconnector.testing.Http;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real agent process with SIGKILL while it stores a manifest, at random instants around the
 * write, a bounded number of times; after each restart the agent must serve the old or the new version,
 * byte-identical to what was sent and with a valid signature, and hold no leftovers.
 */
class AgentKillTest {

    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void aKillAtAnyInstantLeavesTheOldOrTheNewManifestIntact() throws Exception {
        KeyPair key = Ed25519.generate();
        Path keyFile = dir.resolve("trusted.pem");
        Files.writeString(keyFile, Ed25519.publicPem(key.getPublic()));
        Path data = dir.resolve("agent");
        TrustedKeys trusted = TrustedKeys.of(List.of(key.getPublic()));
        Random random = new Random(42);

        AgentProcess agent = AgentProcess.start(data, keyFile, 0);
        ObjectNode first = large(1, key);
        long t0 = System.nanoTime();
        assertEquals(201, Http.put(agent.baseUri().resolve("/v1/manifests/alexnet"), ManifestFixtures.bytes(first))
                .statusCode());
        long putMillis = Math.max(5, (System.nanoTime() - t0) / 1_000_000);
        Map<Long, String> sentCanonical = new java.util.HashMap<>(Map.of(1L, CanonicalJson.string(first)));
        long current = 1;
        int sawNew = 0;
        int sawOld = 0;
        int killedBeforeRename = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long next = current + 1;
                ObjectNode doc = large(next, key);
                sentCanonical.put(next, CanonicalJson.string(doc));
                HttpRequest put = HttpRequest.newBuilder(agent.baseUri().resolve("/v1/manifests/alexnet"))
                        .timeout(Duration.ofSeconds(20)).PUT(HttpRequest.BodyPublishers.ofByteArray(
                                ManifestFixtures.bytes(doc))).build();
                CompletableFuture<HttpResponse<String>> inFlight = Http.CLIENT.sendAsync(put,
                        HttpResponse.BodyHandlers.ofString());
                boolean midWrite = round % 2 == 0;
                if (midWrite) {
                    // kill the moment the temporary file appears: the agent is writing or syncing it
                    waitForTemporaryFile(data.resolve("manifests/alexnet"), inFlight);
                } else {
                    // at a random instant: while parsing, verifying, writing, renaming or answering
                    Thread.sleep((long) (putMillis * (0.3 + 0.9 * random.nextDouble())));
                }
                agent.kill();
                if (hasTemporaryFile(data.resolve("manifests/alexnet"))) {
                    killedBeforeRename++;
                }
                inFlight.handle((r, e) -> null).join();
                assertFalse(agent.alive());

                agent = AgentProcess.start(data, keyFile, 0);
                HttpResponse<String> served = Http.get(agent.baseUri().resolve("/v1/manifests/alexnet"));
                assertEquals(200, served.statusCode(), "round " + round + ": the agent restarted without a manifest");
                JsonNode doc2 = StrictJson.parse(served.body());
                long version = doc2.get("version").asLong();
                assertTrue(version == current || version == next, "round " + round + ": served v" + version
                        + ", expected v" + current + " or v" + next);
                assertEquals(sentCanonical.get(version), served.body(), "round " + round + ": content intact");
                assertTrue(ManifestSignature.verify(doc2, trusted).valid(), "round " + round + ": signature valid");
                assertEquals("\"" + ManifestDigest.sha256(doc2) + "\"", served.headers().firstValue("ETag").orElseThrow());
                try (var files = Files.list(data.resolve("manifests/alexnet"))) {
                    assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")),
                            "round " + round + ": unfinished writes are swept on restart");
                }
                assertFalse(Files.exists(data.resolve("manifests/alexnet/damaged")), "no damaged file ever");
                if (version == next) {
                    sawNew++;
                } else {
                    sawOld++;
                }
                current = version;
            }
        } finally {
            agent.close();
        }
        long interruptedWrites = Files.readAllLines(data.resolve("agent.log")).stream()
                .filter(l -> l.contains("unfinished write")).count();
        System.out.printf("kill test: %d rounds, new version survived %d times, old version %d times, "
                + "%d kill(s) left a half-written temporary file, %d restart(s) swept one (cold PUT ~%d ms)%n",
                ROUNDS, sawNew, sawOld, killedBeforeRename, interruptedWrites, putMillis);
        assertEquals(ROUNDS, sawNew + sawOld);
        assertTrue(killedBeforeRename >= 1, "at least one kill must land inside the write for this test to mean anything");
        assertEquals(killedBeforeRename, interruptedWrites, "every interrupted write is swept at the next start");
    }

    private static boolean hasTemporaryFile(Path modelDir) throws java.io.IOException {
        if (!Files.isDirectory(modelDir)) {
            return false;
        }
        try (var files = Files.list(modelDir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-"));
        }
    }

    /** Polls (busily: the window is milliseconds) until a temporary file exists or the PUT has been answered. */
    private static void waitForTemporaryFile(Path modelDir, CompletableFuture<?> put) throws java.io.IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!put.isDone() && System.nanoTime() < deadline) {
            if (hasTemporaryFile(modelDir)) {
                return;
            }
        }
    }

    /** A manifest of about 900 KB (a large predictor document), so the write takes a while. */
    private static ObjectNode large(long version, KeyPair key) {
        ObjectNode doc = ManifestFixtures.unsigned("alexnet", version);
        StringBuilder blob = new StringBuilder(900_000);
        Random r = new Random(version);
        while (blob.length() < 900_000) {
            blob.append(Long.toString(r.nextLong(), 36));
        }
        doc.putArray("predictors").addObject().put("name", "mobile_latency").put("quantity", "latency_ms")
                .put("coefficients", blob.toString());
        return ManifestSignature.sign(doc, key.getPrivate(), key.getPublic());
    }
}
