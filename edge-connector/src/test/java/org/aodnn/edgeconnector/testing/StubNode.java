package org.aodnn.edgeconnector.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving "edge node" on a loopback port (the JDK's HTTP server): each test says how it answers, e.g. an
 * agent's health then a web server's page to the upload, or a proxy in front of a real agent that passes an
 * upload on and never answers it. {@link #hold(HttpExchange)} blocks a handler until the stub is closed (a
 * node that took a request and went silent).
 */
public final class StubNode implements AutoCloseable {

    /** How the stub answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, StubNode stub) throws IOException;
    }

    private static final HttpClient FORWARD = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    /** "METHOD path" of every request received, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    private StubNode(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-node");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try (ex) {
                requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
                handler.handle(ex, this);
            }
        });
        server.start();
    }

    public static StubNode start(Handler handler) throws IOException {
        return new StubNode(handler);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers like a healthy agent without a token to /healthz and /v1/auth; false for any other path. */
    public static boolean agentHealth(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/healthz")) {
            send(ex, 200, "{\"status\":\"ok\",\"version\":\"stub\",\"uptime_s\":1.0,\"manifests\":0}");
            return true;
        }
        if (path.equals("/v1/auth")) {
            send(ex, 200, "{\"token\":\"not required\"}");
            return true;
        }
        return false;
    }

    public static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Passes the request on to {@code target} (a real agent) and returns its answer: status and body. */
    public static HttpResponse<byte[]> forward(HttpExchange ex, URI target) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(10))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            b.header("Content-Type", type);
        }
        try {
            return FORWARD.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Passes the request on to {@code target} and relays its answer unchanged. */
    public static void relay(HttpExchange ex, URI target) throws IOException {
        HttpResponse<byte[]> answer = forward(ex, target);
        answer.headers().firstValue("Content-Type").ifPresent(t -> ex.getResponseHeaders().set("Content-Type", t));
        ex.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(answer.body());
        }
    }

    /** Blocks until the stub is closed: the request was taken and is never answered. */
    public void hold(HttpExchange ex) {
        try {
            released.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
