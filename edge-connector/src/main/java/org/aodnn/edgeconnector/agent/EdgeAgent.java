package org.aodnn.edgeconnector.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.files.AtomicFiles;
import org.aodnn.edgeconnector.json.StrictJson;

/**
 * The edge agent: a small HTTP(S) server (the JDK's own) that holds signed manifests for the web app's
 * browsers and accepts new ones from the console. It keeps everything in its data directory (manifests and
 * {@code agent.log}) and never touches the console's database.
 *
 * <pre>
 * GET  /healthz                          status, version, uptime, manifest count
 * GET  /v1/manifests                     model, version, sha256, published_at of each current manifest
 * GET  /v1/manifests/{model}             the current manifest (ETag, If-None-Match)
 * PUT  /v1/manifests/{model}             a new signed version (413, 400, 403, 409 in that order)
 * POST /v1/manifests/{model}/rollback    back to the previous kept version (the only one: withdrawn);
 *      [?sha256=HEX]                     only if that is the current manifest (else 409, nothing changed)
 * GET  /v1/auth                          200 when the bearer token is right (or none is set), else 401
 * POST /v1/probe                         upload probe for the browser runtime (body discarded)
 * GET  /auto-offloading.js               the browser runtime
 * </pre>
 * GET answers (and the probe) carry the configured CORS origin; writes need the bearer token when one is set,
 * and so does {@code /v1/auth}, which lets the console tell a wrong token from a healthy node before a publish.
 */
public final class EdgeAgent implements AutoCloseable {

    public static final String RUNTIME_RESOURCE = "/org/aodnn/edgeconnector/runtime/auto-offloading.js";
    private static final String MANIFESTS = "/v1/manifests";

    private final AgentConfig config;
    private final Clock clock;
    private final AgentLog log;
    private final ManifestStore store;
    private final DataDirectoryLock dataLock;
    private final ManifestAdmission admission;
    private final byte[] runtimeScript;
    private final String runtimeEtag;
    private HttpServer server;
    private ExecutorService executor;
    private Instant startedAt;

    private EdgeAgent(AgentConfig config, Clock clock, AgentLog log, ManifestStore store, DataDirectoryLock dataLock) {
        this.config = config;
        this.dataLock = dataLock;
        this.clock = clock;
        this.log = log;
        this.store = store;
        this.admission = new ManifestAdmission(store, config.trustedKeys(), log);
        this.runtimeScript = loadRuntime();
        this.runtimeEtag = "\"" + sha256Hex(runtimeScript) + "\"";
    }

    /**
     * Locks and opens the data directory and starts listening; {@link #port()} tells the port when 0 was
     * asked. A directory held by another running agent fails with {@link DataDirectoryLock.InUseException}
     * before anything in it is touched (not even its log).
     */
    public static EdgeAgent start(AgentConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        AtomicFiles.createDirectories(config.dataDir(), true);
        DataDirectoryLock dataLock = DataDirectoryLock.acquire(config.dataDir());
        AgentLog log;
        try {
            log = AgentLog.open(config.dataDir().resolve("agent.log"), clock, config.logToStderr());
        } catch (IOException | RuntimeException e) {
            closeQuietly(dataLock, e);
            throw e;
        }
        try {
            ManifestStore store = ManifestStore.open(config.dataDir(), clock, log);
            EdgeAgent agent = new EdgeAgent(config, clock, log, store, dataLock);
            agent.listen();
            return agent;
        } catch (IOException | RuntimeException e) {
            log.error("cannot start: " + e.getMessage());
            log.close();
            closeQuietly(dataLock, e);
            throw e;
        }
    }

    private static void closeQuietly(DataDirectoryLock lock, Exception failure) {
        try {
            lock.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void listen() throws IOException {
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        if (config.tls()) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(config.tlsCert(), config.tlsKey())));
            server = https;
        } else {
            server = HttpServer.create(address, 128);
        }
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "edge-agent-" + config.port());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        startedAt = clock.instant();
        log.info("listening on " + baseUri() + " data " + config.dataDir() + ", " + store.modelCount()
                + " model(s), trusting key(s) " + String.join(", ", config.trustedKeys().keyIds()));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        String host = config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress();
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port());
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("stopped");
        }
        log.close();
        try {
            dataLock.close();
        } catch (IOException e) {
            // the process lets go of it on exit anyway; nothing an operator could do about it now
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            try {
                route(exchange, method, path);
            } catch (IOException e) {
                log.warn(method + " " + path + " failed: " + e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                log.error(method + " " + path + " failed: " + e);
                sendJson(exchange, AgentResponse.error(500, "internal error: " + e.getMessage()), false);
            }
        }
    }

    private void route(HttpExchange ex, String method, String path) throws IOException {
        if (path.equals("/healthz")) {
            requireGet(ex, method, () -> sendJson(ex, AgentResponse.ok(200, health()), true));
        } else if (path.equals("/auto-offloading.js")) {
            requireGet(ex, method, () -> sendRuntime(ex));
        } else if (path.equals(MANIFESTS) || path.equals(MANIFESTS + "/")) {
            requireGet(ex, method, () -> sendJson(ex, AgentResponse.ok(200, list()), true));
        } else if (path.equals("/v1/probe")) {
            probe(ex, method);
        } else if (path.equals("/v1/auth")) {
            if (!method.equals("GET")) {
                methodNotAllowed(ex, "GET");
            } else if (authorized(ex)) {
                ObjectNode answer = JsonNodeFactory.instance.objectNode();
                answer.put("token", config.token() == null || config.token().isEmpty() ? "not required" : "accepted");
                sendJson(ex, AgentResponse.ok(200, answer), false);
            }
        } else if (path.startsWith(MANIFESTS + "/")) {
            String rest = path.substring(MANIFESTS.length() + 1);
            if (rest.endsWith("/rollback")) {
                String model = decode(rest.substring(0, rest.length() - "/rollback".length()));
                if (!method.equals("POST")) {
                    methodNotAllowed(ex, "POST");
                } else if (authorized(ex)) {
                    sendJson(ex, admission.rollback(model, queryParameter(ex, "sha256")), false);
                }
            } else {
                manifest(ex, method, decode(rest));
            }
        } else {
            sendJson(ex, AgentResponse.error(404, "no such resource: " + path), false);
        }
    }

    private void manifest(HttpExchange ex, String method, String model) throws IOException {
        switch (method) {
            case "GET", "HEAD" -> getManifest(ex, model, method.equals("HEAD"));
            case "OPTIONS" -> preflight(ex, "GET, HEAD");
            case "PUT" -> {
                if (authorized(ex)) {
                    putManifest(ex, model);
                }
            }
            default -> methodNotAllowed(ex, "GET, HEAD, PUT, OPTIONS");
        }
    }

    private void putManifest(HttpExchange ex, String model) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > AgentConfig.MAX_BODY_BYTES) {
                    drain(ex.getRequestBody());
                    sendJson(ex, tooLarge(), false);
                    return;
                }
            } catch (NumberFormatException e) {
                sendJson(ex, AgentResponse.error(400, "Content-Length '" + declared + "' is not a number"), false);
                return;
            }
        }
        byte[] body = readAtMost(ex.getRequestBody(), AgentConfig.MAX_BODY_BYTES);
        if (body == null) {
            sendJson(ex, tooLarge(), false);
            return;
        }
        sendJson(ex, admission.put(model, body), false);
    }

    private static AgentResponse tooLarge() {
        return AgentResponse.error(413, "the manifest is larger than " + AgentConfig.MAX_BODY_BYTES + " bytes (1 MiB)");
    }

    private void getManifest(HttpExchange ex, String model, boolean head) throws IOException {
        Optional<StoredManifest> current = store.current(model);
        if (current.isEmpty()) {
            sendJson(ex, AgentResponse.error(404, "no manifest for " + model), true);
            return;
        }
        StoredManifest m = current.get();
        String etag = "\"" + m.sha256() + "\"";
        cors(ex);
        ex.getResponseHeaders().set("ETag", etag);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(m.publishedAt().atOffset(java.time.ZoneOffset.UTC)));
        if (etagMatches(ex, etag)) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        byte[] bytes;
        try {
            bytes = store.read(m);
        } catch (java.nio.file.NoSuchFileException e) {
            // rolled back or pruned between the lookup and the read: answer with the new current one
            getManifest(ex, model, head);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(ex, 200, bytes, head);
    }

    private void sendRuntime(HttpExchange ex) throws IOException {
        cors(ex);
        ex.getResponseHeaders().set("ETag", runtimeEtag);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        if (etagMatches(ex, runtimeEtag)) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
        send(ex, 200, runtimeScript, ex.getRequestMethod().equals("HEAD"));
    }

    /** The upload probe: reads (at most 1 MiB) and discards the body, so the browser can time its upload. */
    private void probe(HttpExchange ex, String method) throws IOException {
        if (method.equals("OPTIONS")) {
            preflight(ex, "POST");
            return;
        }
        if (!method.equals("POST")) {
            methodNotAllowed(ex, "POST, OPTIONS");
            return;
        }
        byte[] body = readAtMost(ex.getRequestBody(), AgentConfig.MAX_BODY_BYTES);
        cors(ex);
        if (body == null) {
            sendJson(ex, tooLarge(), false);
            return;
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("received_bytes", body.length);
        sendJson(ex, AgentResponse.ok(200, answer), false);
    }

    private ObjectNode health() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("status", "ok");
        node.put("version", agentVersion());
        node.put("uptime_s", Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
        node.put("manifests", store.modelCount());
        ArrayNode keys = node.putArray("trusted_keys");
        config.trustedKeys().keyIds().forEach(keys::add);
        return node;
    }

    private ObjectNode list() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode manifests = node.putArray("manifests");
        for (StoredManifest m : store.currentAll()) {
            manifests.add(ManifestAdmission.describe(m));
        }
        return node;
    }

    public static String agentVersion() {
        String v = EdgeAgent.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    // --- HTTP helpers ---

    private boolean authorized(HttpExchange ex) throws IOException {
        if (config.token() == null || config.token().isEmpty()) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + config.token();
        if (header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        log.warn(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " from "
                + ex.getRemoteAddress().getAddress().getHostAddress() + " refused: missing or wrong token");
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        sendJson(ex, AgentResponse.error(401, "a valid 'Authorization: Bearer <token>' header is required"), false);
        return false;
    }

    private void requireGet(HttpExchange ex, String method, IoAction action) throws IOException {
        switch (method) {
            case "GET", "HEAD" -> action.run();
            case "OPTIONS" -> preflight(ex, "GET, HEAD");
            default -> methodNotAllowed(ex, "GET, HEAD, OPTIONS");
        }
    }

    private void preflight(HttpExchange ex, String methods) throws IOException {
        cors(ex);
        if (config.corsOrigin() != null) {
            ex.getResponseHeaders().set("Access-Control-Allow-Methods", methods);
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
            ex.getResponseHeaders().set("Access-Control-Max-Age", "600");
        }
        ex.getResponseHeaders().set("Allow", methods + ", OPTIONS");
        ex.sendResponseHeaders(204, -1);
    }

    private void cors(HttpExchange ex) {
        if (config.corsOrigin() != null) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", config.corsOrigin());
            ex.getResponseHeaders().set("Access-Control-Expose-Headers", "ETag, Last-Modified");
            ex.getResponseHeaders().set("Vary", "Origin");
        }
    }

    private void methodNotAllowed(HttpExchange ex, String allowed) throws IOException {
        ex.getResponseHeaders().set("Allow", allowed);
        sendJson(ex, AgentResponse.error(405, ex.getRequestMethod() + " is not allowed here (allowed: " + allowed + ")"),
                false);
    }

    private void sendJson(HttpExchange ex, AgentResponse response, boolean isGet) throws IOException {
        if (isGet) {
            cors(ex);
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = StrictJson.pretty(response.body());
        send(ex, response.status(), bytes, ex.getRequestMethod().equals("HEAD"));
        if (response.status() >= 400 && response.status() != 404) {
            log.info(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " -> " + response.status() + " "
                    + response.body().path("error").asText());
        }
    }

    private static void send(HttpExchange ex, int status, byte[] bytes, boolean head) throws IOException {
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean etagMatches(HttpExchange ex, String etag) {
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** The body, or null when it is longer than {@code limit} (only limit + 1 bytes are ever buffered). */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            drain(in);
            return null;
        }
        return bytes;
    }

    /**
     * Reads and discards a refused body (up to 16 MiB) so the client, still sending, gets the 413 answer
     * instead of a reset connection; beyond that the connection is simply closed.
     */
    private static void drain(InputStream in) throws IOException {
        long budget = 16L << 20;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (budget > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, budget))) > 0) {
            budget -= n;
        }
    }

    /** The first value of {@code name} in the request's query string, or null. */
    private static String queryParameter(HttpExchange ex, String name) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] loadRuntime() {
        try (InputStream in = EdgeAgent.class.getResourceAsStream(RUNTIME_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the browser runtime " + RUNTIME_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return org.aodnn.edgeconnector.manifest.ManifestDigest.sha256(bytes);
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
