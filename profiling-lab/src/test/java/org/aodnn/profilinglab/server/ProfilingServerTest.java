package org.aodnn.profilinglab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.repo.LayerTimingRepository;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.profilinglab.job.LayerSelection;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingJob;
import org.aodnn.profilinglab.job.ProfilingSettings;
import org.aodnn.profilinglab.session.SessionRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP on loopback, storing into a real H2 file; the HTTP client plays the page. */
class ProfilingServerTest {

    static final String HELLO = "{\"browser\":\"Chromium 156.0.8078.108\",\"userAgent\":\"Mozilla/5.0 test\","
            + "\"hardwareConcurrency\":2,\"crossOriginIsolated\":true,\"timerResolutionMs\":0.005,\"tfjsVersion\":\"4.22.0\"}";
    static final String BACKEND = "{\"backend\":\"wasm\",\"ok\":true,\"threads\":2,\"simd\":true,\"multiThreaded\":true,\"message\":\"\"}";
    /** The page's timed window: 12 runs of at least 1.25 ms fit in its 40 ms, which ended just now. */
    static final double WINDOW_END_MS = System.currentTimeMillis() - 10.25;
    static final double WINDOW_START_MS = WINDOW_END_MS - 40;
    static final String RESULT = "{\"layerId\":0,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,"
            + "\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,111,111,64],"
            + "\"windowStartEpochMs\":" + WINDOW_START_MS + ",\"windowEndEpochMs\":" + WINDOW_END_MS + "}";

    @TempDir
    Path dir;
    Store store;
    ProfilingSessionRepository sessions;
    SessionRecorder recorder;
    ProfilingServer server;
    long sessionId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = Store.open(dir.resolve("db"), false);
        sessions = new ProfilingSessionRepository(store.dsl());
        DnnModel model = new DnnModel("mini", "test", List.of(
                new ModelLayer(0, "features.0", new LayerGeometry("Conv2d", "1x3x224x224", "1x64x111x111", 150528,
                        788544, 3, 64, 3, 3, 2, 0, 1, 1792, 42581376), true, 788544),
                new ModelLayer(1, "features.1", new LayerGeometry("ReLU", "1x64x111x111", "1x64x111x111", 788544,
                        788544, 64, 64, 0, 0, 0, 0, 1, 0, 788544), true, 788544)));
        var selections = List.of(new ModelSelection(model, LayerSelection.all()));
        ProfilingSettings settings = ProfilingSettings.defaults(List.of("wasm"));
        sessionId = sessions.start("local-chromium", "local-chromium", "wasm", "{}", 2);
        ProfilingJob job = ProfilingJob.of(sessionId, settings, selections);
        recorder = new SessionRecorder(sessions, new LayerTimingRepository(store.dsl()), sessionId, job, "local-chromium", "browser", new LinkedBlockingQueue<>());
        server = ProfilingServer.start(recorder, 0);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String endpoint, String body) throws Exception {
        return post(server.baseUri().resolve("api/" + endpoint), body, "application/json");
    }

    HttpResponse<String> post(URI uri, String body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI withToken(String token, String rest) {
        return URI.create("http://127.0.0.1:" + server.port() + "/s/" + token + "/" + rest);
    }

    List<LayerMeasurement> stored() {
        return store.measurements().findBySession(sessionId);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", server.baseUri().getHost());
    }

    @Test
    void configuredPortIsUsedAndABusyPortIsAClearError() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ProfilingServer configured = ProfilingServer.start(recorder, port)) {
            assertEquals(port, configured.port());
            assertEquals(200, get(configured.pageUri()).statusCode());
            var busy = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                    () -> ProfilingServer.start(recorder, port));
            assertTrue(busy.getMessage().startsWith("port " + port + " is in use: choose another with --port"),
                    busy.getMessage());
        }
        assertTrue(server.baseUri().getPath().matches("/s/[A-Za-z0-9_-]{32}/"), server.baseUri().toString());
    }

    @Test
    void pageAndFilesNeedTheTokenAndCarryIsolationHeaders() throws Exception {
        var page = get(server.pageUri());
        assertEquals(200, page.statusCode());
        assertEquals("same-origin", page.headers().firstValue("Cross-Origin-Opener-Policy").orElse(""));
        assertEquals("require-corp", page.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(""));
        assertTrue(new String(page.body()).contains("tf-backend-wasm.min.js"));

        var wasm = get(server.baseUri().resolve("vendor/tfjs/tfjs-backend-wasm-simd.wasm"));
        assertEquals(200, wasm.statusCode());
        assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {0, 'a', 's', 'm'}, Arrays.copyOf(wasm.body(), 4));

        String wrong = "A".repeat(32);
        for (String rest : List.of("index.html", "js/main.js", "vendor/tfjs/tf.min.js", "api/job")) {
            assertEquals(403, get(withToken(wrong, rest)).statusCode(), rest);
        }
        assertEquals(403, get(URI.create("http://127.0.0.1:" + server.port() + "/")).statusCode());
        assertEquals(403, get(URI.create("http://127.0.0.1:" + server.port() + "/s/")).statusCode());
        assertEquals(403, post(withToken(wrong, "api/hello"), HELLO, "application/json").statusCode());
        assertNull(sessions.find(sessionId).orElseThrow().browser(), "nothing stored from a request without the token");
        assertEquals(404, get(server.baseUri().resolve("js/%2e%2e/%2e%2e/secret.txt")).statusCode());
        assertEquals(404, get(server.baseUri().resolve("js/missing.js")).statusCode());
    }

    @Test
    void jobAndWeightDownloads() throws Exception {
        var job = get(server.baseUri().resolve("api/job"));
        assertEquals(200, job.statusCode());
        assertTrue(new String(job.body()).contains("\"layerType\":\"Conv2d\""));
        var weights = get(server.baseUri().resolve("api/weights?bytes=100000"));
        assertEquals(200, weights.statusCode());
        assertEquals(100000, weights.body().length);
        assertEquals(400, get(server.baseUri().resolve("api/weights?bytes=0")).statusCode());
        assertEquals(400, get(server.baseUri().resolve("api/weights?bytes=999999999")).statusCode());
    }

    @Test
    void malformedResultsAreRefusedAndNothingIsStored() throws Exception {
        assertEquals(204, post("hello", HELLO).statusCode());
        assertEquals(204, post("backend", BACKEND).statusCode());
        List<String> bad = List.of(
                "{",
                RESULT.replace("\"medianMs\":1.5", "\"medianMs\":\"1.5\""),
                RESULT.replace("}", ",\"extra\":true}"),
                RESULT.replace("\"minMs\":1.25", "\"minMs\":-1"),
                RESULT.replace("[1,111,111,64]", "[1,64,111,111]"),   // NCHW instead of NHWC: wrong shape
                RESULT.replace("\"layerId\":0", "\"layerId\":9"),      // not in the job
                RESULT.replace("\"backend\":\"wasm\"", "\"backend\":\"cpu\""), // not in the job
                RESULT + "x",
                // the page's window: missing, null, reversed, not an epoch time, too short for its runs
                RESULT.replace(",\"windowEndEpochMs\":" + WINDOW_END_MS, ""),
                RESULT.replace("\"windowStartEpochMs\":" + WINDOW_START_MS, "\"windowStartEpochMs\":null"),
                RESULT.replace("\"windowStartEpochMs\":" + WINDOW_START_MS, "\"windowStartEpochMs\":" + (WINDOW_END_MS + 1)),
                RESULT.replace("\"windowStartEpochMs\":" + WINDOW_START_MS, "\"windowStartEpochMs\":1234.5"),
                RESULT.replace("\"windowStartEpochMs\":" + WINDOW_START_MS, "\"windowStartEpochMs\":" + (WINDOW_END_MS - 5)),
                // ...and outside the session: an hour before it opened, an hour after the result arrived
                RESULT.replace(WINDOW_START_MS + ",", (WINDOW_START_MS - 3_600_000) + ",")
                        .replace(WINDOW_END_MS + "}", (WINDOW_END_MS - 3_600_000) + "}"),
                RESULT.replace(WINDOW_START_MS + ",", (WINDOW_START_MS + 3_600_000) + ",")
                        .replace(WINDOW_END_MS + "}", (WINDOW_END_MS + 3_600_000) + "}"));
        for (String body : bad) {
            var response = post("result", body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
        }
        assertEquals(415, post(server.baseUri().resolve("api/result"), RESULT, "text/plain").statusCode());
        assertEquals(0, stored().size());
        ProfilingSessionInfo info = sessions.find(sessionId).orElseThrow();
        assertEquals(0, info.layersMeasured());

        assertEquals(204, post("result", RESULT).statusCode());
        assertEquals(409, post("result", RESULT).statusCode(), "a second result for the same layer");
        List<LayerMeasurement> rows = stored();
        assertEquals(1, rows.size());
        LayerMeasurement row = rows.get(0);
        assertEquals("local-chromium", row.key().platform());
        assertEquals("browser", row.key().target());
        assertEquals("wasm", row.key().backend());
        assertEquals("Chromium 156.0.8078.108", row.key().browser());
        assertEquals(2, row.key().threads());
        assertEquals(42581376, row.geometry().flops());
        assertEquals(1.5, row.latencyMs());
        assertEquals(12, row.reps());
        assertEquals(1, sessions.find(sessionId).orElseThrow().layersMeasured());
        var timing = new LayerTimingRepository(store.dsl()).bySession(sessionId).get(0);
        assertEquals(Math.round(WINDOW_START_MS * 1000), timing.windowStartUs(), "the page's window is stored with the row");
        assertEquals(Math.round(WINDOW_END_MS * 1000), timing.windowEndUs());
    }

    /**
     * A row's threads are those its backend computed with, as in the reference browser data (threads=1), not the
     * browser's hardwareConcurrency: rows of different wasm thread counts must not replace each other.
     */
    @Test
    void rowsCarryTheThreadsTheBackendRanWithNotTheBrowsers() throws Exception {
        assertEquals(204, post("hello", HELLO.replace("\"hardwareConcurrency\":2", "\"hardwareConcurrency\":8"))
                .statusCode());
        assertEquals(204, post("backend", BACKEND.replace("\"threads\":2", "\"threads\":1")).statusCode());
        assertEquals(204, post("result", RESULT).statusCode());
        assertEquals(1, stored().get(0).key().threads());
        assertEquals(Integer.valueOf(8), sessions.find(sessionId).orElseThrow().hardwareConcurrency(), "the browser's, kept with the session");
    }

    @Test
    void aLayerWindowMustNotOverlapThePreviousOne() throws Exception {
        assertEquals(204, post("hello", HELLO).statusCode());
        assertEquals(204, post("backend", BACKEND).statusCode());
        assertEquals(204, post("result", RESULT).statusCode());
        String second = "{\"layerId\":1,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,"
                + "\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,111,111,64],"
                + "\"windowStartEpochMs\":%s,\"windowEndEpochMs\":%s}";
        var overlapping = post("result", String.format(java.util.Locale.ROOT, second, WINDOW_END_MS - 20, WINDOW_END_MS + 20));
        assertEquals(400, overlapping.statusCode(), overlapping.body());
        assertTrue(overlapping.body().contains("previous layer's window"), overlapping.body());
        assertEquals(1, stored().size());
        assertEquals(204, post("result", String.format(java.util.Locale.ROOT, second, WINDOW_END_MS + 2, WINDOW_END_MS + 42))
                .statusCode());
        assertEquals(2, stored().size());
    }

    @Test
    void orderOfMessagesIsEnforced() throws Exception {
        assertEquals(409, post("result", RESULT).statusCode(), "no result before hello");
        assertEquals(204, post("hello", HELLO).statusCode());
        assertEquals(409, post("hello", HELLO).statusCode());
        assertEquals(409, post("result", RESULT).statusCode(), "no result before the backend started");
        assertEquals(204, post("backend", BACKEND).statusCode());
        assertEquals(204, post("skip", "{\"layerId\":1,\"backend\":\"wasm\",\"reason\":\"test reason\"}").statusCode());
        assertEquals(1, sessions.find(sessionId).orElseThrow().layersSkipped());
        assertTrue(sessions.find(sessionId).orElseThrow().skippedJson().contains("test reason"));
        assertEquals(400, post("done", "{\"x\":1}").statusCode());
        recorder.stop();
        assertEquals(409, post("result", RESULT).statusCode(), "nothing after the session ended");
        assertEquals(0, stored().size());
    }
}
