package org.aodnn.profilinglab.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aodnn.profilinglab.protocol.BackendMessage;
import org.aodnn.profilinglab.protocol.ErrorMessage;
import org.aodnn.profilinglab.protocol.HelloMessage;
import org.aodnn.profilinglab.protocol.MalformedMessageException;
import org.aodnn.profilinglab.protocol.PageMessages;
import org.aodnn.profilinglab.protocol.ResultMessage;
import org.aodnn.profilinglab.protocol.SkipMessage;
import org.aodnn.profilinglab.protocol.ThroughputMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server for one profiling session. It listens on the loopback interface only (a phone
 * reaches it through {@code adb reverse}), and every path starts with {@code /s/<token>/}, a random
 * per-session secret: the page, its files and the API alike. Other requests get 403. Responses carry the
 * cross-origin isolation headers (COOP/COEP) so the page gets SharedArrayBuffer (multi-threaded wasm) and
 * a fine-grained timer.
 */
public final class ProfilingServer implements AutoCloseable {

    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ProfilingServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] WEIGHT_BLOCK = new byte[1 << 20];

    static {
        RANDOM.nextBytes(WEIGHT_BLOCK); // incompressible, like real weights
    }

    private final PageHandler handler;
    private final StaticFiles files;
    private final String token;
    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicReference<Instant> lastContact = new AtomicReference<>(Instant.now());

    private ProfilingServer(PageHandler handler, StaticFiles files, String token, HttpServer server,
                            ExecutorService threads) {
        this.handler = handler;
        this.files = files;
        this.token = token;
        this.server = server;
        this.threads = threads;
    }

    /** Starts a server on 127.0.0.1; port 0 picks a free port. */
    public static ProfilingServer start(PageHandler handler, int port) {
        return start(handler, port, new StaticFiles());
    }

    static ProfilingServer start(PageHandler handler, int port, StaticFiles files) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (!files.hasTfjs()) {
            throw new IllegalStateException("the profiling page's TF.js files are missing from the classpath ("
                    + StaticFiles.ROOT + "vendor/tfjs/): build the profiling-lab module with Maven, which runs npm ci");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(loopback, port), 16);
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the profiling server: " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "profiling-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ProfilingServer s = new ProfilingServer(handler, files, token, http, threads);
        http.createContext("/", s::handle);
        http.setExecutor(threads);
        http.start();
        LOG.info("Profiling server listening on {}", s.baseUri());
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/s/TOKEN/}: everything the page may request is below it. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/s/" + token + "/");
    }

    public URI pageUri() {
        return baseUri().resolve("index.html");
    }

    /** When the page last made a request with the right token. */
    public Instant lastContact() {
        return lastContact.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers h = exchange.getResponseHeaders();
            // Cross-origin isolation: SharedArrayBuffer for threaded wasm and a 5 µs timer instead of 100 µs.
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Cross-Origin-Embedder-Policy", "require-corp");
            h.set("Cross-Origin-Resource-Policy", "same-origin");
            h.set("Cache-Control", "no-store");
            h.set("X-Content-Type-Options", "nosniff");
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/s/";
            if (path == null || !path.startsWith(prefix)) {
                send(exchange, 403, "text/plain; charset=utf-8", "forbidden\n");
                return;
            }
            int slash = path.indexOf('/', prefix.length());
            String given = slash < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), slash);
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 403, "text/plain; charset=utf-8", "forbidden\n");
                return;
            }
            lastContact.set(Instant.now());
            String rest = slash < 0 ? "" : path.substring(slash + 1);
            route(exchange, rest.isEmpty() ? "index.html" : rest);
        } catch (RuntimeException | Error e) {
            // The exchange is closed without a response; the page sees a failed request and reports it.
            LOG.warn("Profiling server request failed", e);
        }
    }

    private void route(HttpExchange exchange, String rest) throws IOException {
        String method = exchange.getRequestMethod();
        if (rest.startsWith("api/")) {
            String endpoint = rest.substring("api/".length());
            if (endpoint.equals("job") || endpoint.equals("weights")) {
                if (!method.equals("GET")) {
                    methodNotAllowed(exchange, "GET");
                } else if (endpoint.equals("job")) {
                    send(exchange, 200, "application/json", handler.jobJson());
                } else {
                    weights(exchange);
                }
                return;
            }
            if (!method.equals("POST")) {
                methodNotAllowed(exchange, "POST");
                return;
            }
            post(exchange, endpoint);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            methodNotAllowed(exchange, "GET");
            return;
        }
        var file = files.find(rest);
        if (file.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
        byte[] content = file.get().content();
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private void post(HttpExchange exchange, String endpoint) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            send(exchange, 415, "text/plain; charset=utf-8", "the body must be application/json\n");
            return;
        }
        byte[] body;
        try {
            body = readBody(exchange);
        } catch (MalformedMessageException e) {
            send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        }
        try {
            switch (endpoint) {
                case "hello" -> handler.hello(PageMessages.read(body, HelloMessage.class));
                case "backend" -> handler.backend(PageMessages.read(body, BackendMessage.class));
                case "result" -> handler.result(PageMessages.read(body, ResultMessage.class));
                case "skip" -> handler.skip(PageMessages.read(body, SkipMessage.class));
                case "throughput" -> handler.throughput(PageMessages.read(body, ThroughputMessage.class));
                case "error" -> handler.error(PageMessages.read(body, ErrorMessage.class));
                case "done" -> {
                    PageMessages.readEmpty(body, "the done message");
                    handler.done();
                }
                default -> {
                    send(exchange, 404, "text/plain; charset=utf-8", "no such endpoint: api/" + endpoint + "\n");
                    return;
                }
            }
        } catch (MalformedMessageException e) {
            send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        } catch (MessageRejectedException e) {
            send(exchange, e.status(), "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        } catch (RuntimeException e) {
            LOG.error("Storing the page's {} message failed", endpoint, e);
            send(exchange, 500, "text/plain; charset=utf-8", "the console could not store this: " + e.getMessage() + "\n");
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new MalformedMessageException("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    /** Random bytes of the requested size: the page times their download like loading a layer's weights. */
    private void weights(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        long bytes = -1;
        if (query != null && query.matches("bytes=\\d{1,9}")) {
            bytes = Long.parseLong(query.substring("bytes=".length()));
        }
        if (bytes <= 0 || bytes > 64L << 20) {
            send(exchange, 400, "text/plain; charset=utf-8", "ask for bytes=1..67108864\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, bytes);
        try (OutputStream out = exchange.getResponseBody()) {
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(left, WEIGHT_BLOCK.length);
                out.write(WEIGHT_BLOCK, 0, n);
                left -= n;
            }
        }
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, "text/plain; charset=utf-8", "use " + allowed + "\n");
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
