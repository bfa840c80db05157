package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.aodnn.edgeconnector.json.StrictJson;

/**
 * The console's side of the agent's HTTP API. Every call has the per-node timeout; transport failures
 * come back as {@link EdgeConnectionException} (the publisher retries those) whose message names the URL
 * and what happened, answers as {@link Answer}.
 */
public final class EdgeClient {

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public EdgeClient(Duration timeout) {
        this(timeout, null);
    }

    /** {@code ssl}: trust for https agents with private certificates (null: the JVM's default trust store). */
    public EdgeClient(Duration timeout, SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.timeout = timeout;
        this.clock = Clock.systemUTC();
    }

    /** An HTTP answer: status and the body parsed as JSON (null when it was not JSON). */
    public record Answer(int status, JsonNode json, String body) {
        public String error() {
            return json != null && json.hasNonNull("error") ? json.get("error").asText() : body;
        }
    }

    public Answer putManifest(NodeTarget node, String model, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(node, "/v1/manifests/" + model)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(node, request);
    }

    public Answer rollback(NodeTarget node, String model) throws IOException, InterruptedException {
        return rollback(node, model, null);
    }

    /** Rolls back only if the node's current manifest has {@code sha256} (null: whatever is current). */
    public Answer rollback(NodeTarget node, String model, String sha256) throws IOException, InterruptedException {
        String query = sha256 == null ? "" : "?sha256=" + sha256;
        return send(node, request(node, "/v1/manifests/" + model + "/rollback" + query)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The node's current manifest of {@code model}; empty when it has none (404). */
    public Optional<JsonNode> currentManifest(NodeTarget node, String model) throws IOException, InterruptedException {
        Answer answer = send(node, request(node, "/v1/manifests/" + model).GET());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200 || answer.json() == null) {
            throw new IOException(node.name() + ": GET manifest of " + model + " answered " + answer.status() + ": "
                    + answer.error());
        }
        return Optional.of(answer.json());
    }

    /** {@code GET /v1/manifests}: model, version, sha256 and published_at of each manifest the node serves. */
    public JsonNode listManifests(NodeTarget node) throws IOException, InterruptedException {
        Answer answer = send(node, request(node, "/v1/manifests").GET());
        if (answer.status() != 200 || answer.json() == null || !answer.json().path("manifests").isArray()) {
            throw new IOException(node.name() + ": GET /v1/manifests answered " + answer.status() + ": "
                    + abbreviate(answer.error()));
        }
        return answer.json().get("manifests");
    }

    /**
     * {@code GET /healthz}, then {@code GET /v1/auth} with the registered token, so that a wrong or missing
     * token shows here as {@code token_refused} rather than first at publish time; never throws for network
     * trouble, it reports it.
     */
    public NodeHealth health(NodeTarget node) throws InterruptedException {
        long start = System.nanoTime();
        try {
            Answer answer = send(node, request(node, "/healthz").GET());
            JsonNode j = answer.json();
            if (answer.status() != 200 || j == null || !"ok".equals(j.path("status").asText())) {
                return new NodeHealth(node.name(), NodeHealth.ERROR, null, null, null, since(start),
                        "HTTP " + answer.status() + ": " + abbreviate(answer.error()), clock.instant());
            }
            String version = j.path("version").asText(null);
            Double uptime = j.hasNonNull("uptime_s") ? j.get("uptime_s").asDouble() : null;
            Integer manifests = j.hasNonNull("manifests") ? j.get("manifests").asInt() : null;
            String about = "agent " + j.path("version").asText("?") + ", " + j.path("manifests").asInt() + " manifest(s)";
            Answer auth = send(node, request(node, "/v1/auth").GET());
            String status = NodeHealth.OK;
            if (auth.status() == 401) {
                status = NodeHealth.TOKEN_REFUSED;
                about = tokenRefused(node);
            } else if (auth.status() == 404) {
                about += " (token not checked: the agent has no /v1/auth)"; // an agent older than this console
            } else if (auth.status() != 200) {
                status = NodeHealth.ERROR;
                about = "token check answered HTTP " + auth.status() + ": " + abbreviate(auth.error());
            }
            return new NodeHealth(node.name(), status, version, uptime, manifests, since(start), about, clock.instant());
        } catch (IOException e) {
            return new NodeHealth(node.name(), NodeHealth.UNREACHABLE, null, null, null, since(start), describe(e),
                    clock.instant());
        }
    }

    private static String tokenRefused(NodeTarget node) {
        String why = node.token() == null || node.token().isEmpty()
                ? "the agent requires a bearer token and none is registered"
                : "the agent does not accept the registered token";
        return "token refused (401): " + why + "; fix the node's token (Edit, or aodnn edge update " + node.name()
                + " --token T)";
    }

    private static long since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private HttpRequest.Builder request(NodeTarget node, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(path)).timeout(timeout);
        if (node.token() != null && !node.token().isEmpty()) {
            b.header("Authorization", "Bearer " + node.token());
        }
        return b;
    }

    private Answer send(NodeTarget node, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EdgeConnectionException(transportProblem(node.baseUrl(), built, e), e);
        }
        JsonNode json = null;
        try {
            json = StrictJson.parse(response.body());
        } catch (StrictJson.JsonSyntaxException e) {
            // not JSON (a proxy's error page, say): keep the text
        }
        return new Answer(response.statusCode(), json, response.body());
    }

    /** What went wrong with a request that got no answer, naming the agent's URL. */
    private String transportProblem(URI base, HttpRequest request, IOException e) {
        long ms = timeout.toMillis();
        if (e instanceof HttpConnectTimeoutException) {
            return "cannot connect to " + base + " (timed out after " + ms + " ms)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer from " + base + " to " + request.method() + " " + request.uri().getRawPath()
                    + " (timed out after " + ms + " ms)";
        }
        if (find(e, UnknownHostException.class) != null) {
            return "cannot connect to " + base + " (unknown host " + base.getHost() + ")";
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return "cannot connect to " + base + " (no route to host)";
        }
        ConnectException connect = find(e, ConnectException.class);
        if (connect != null) {
            String why = firstMessage(e);
            // the JDK's client reports a refused connection as a ConnectException without any message
            return "cannot connect to " + base + " ("
                    + (why == null || why.toLowerCase(java.util.Locale.ROOT).contains("refused") ? "connection refused"
                    : why.toLowerCase(java.util.Locale.ROOT)) + ")";
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return "TLS handshake with " + base + " failed: " + (tls.getMessage() == null
                    ? tls.getClass().getSimpleName() : tls.getMessage());
        }
        String why = firstMessage(e);
        return "connection to " + base + " failed without an answer to " + request.method() + " "
                + request.uri().getRawPath() + " (" + (why == null ? e.getClass().getSimpleName() : why) + ")";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** A failure in words an operator can act on (the client's own exceptions already carry them). */
    public static String describe(IOException e) {
        if (e instanceof EdgeConnectionException) {
            return e.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out: " + e.getMessage();
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (e.getClass() == IOException.class && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
