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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.aodnn.edgeconnector.json.StrictJson;

/**
 * The console's side of the agent's HTTP API. Every call has one overall deadline, the per-node timeout,
 * for connecting, the answer's headers and its whole body alike (the JDK client's own timeout ends at the
 * headers, so a node trickling its body would otherwise hold a command for as long as it likes), and every
 * answer's body is capped (a node streaming gigabytes must not fill the console's memory). Transport failures
 * come back as {@link EdgeConnectionException} (the publisher retries those) whose message names the URL
 * and what happened, answers as {@link Answer}; an answer too large for an agent's is a
 * {@link NotAnAgentException}.
 */
public final class EdgeClient {

    /**
     * The cap of every answer but a manifest document: the agent's health, auth, listing, upload and rollback
     * answers are a few hundred bytes (a listing about 200 bytes per model), so 1 MiB is ample for any agent
     * and small enough to refuse a node that is something else.
     */
    public static final int SMALL_ANSWER_CAP = 1 << 20;
    /**
     * The cap of {@code GET /v1/manifests/{model}}: the agent takes uploads of at most 1 MiB and serves their
     * canonical JSON, which can be longer than what was sent (a number written 1e20 comes back with all its 21
     * digits), so a few times that.
     */
    public static final int MANIFEST_ANSWER_CAP = 8 << 20;
    /**
     * How long past the deadline to wait for the JDK client's own connect and header timeouts to report, as
     * they tell "cannot connect" (the request was never sent) from "no answer" (it may have arrived).
     */
    private static final long GRACE_MS = 200;
    /** How often a wait checks whether its caller gave up (a cancelled rollout). */
    private static final long ABANDON_POLL_MS = 100;

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

    private EdgeClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
        this.clock = Clock.systemUTC();
    }

    /** The same client (connections, trust) with another per-call deadline, e.g. a short one after a Ctrl-C. */
    public EdgeClient withTimeout(Duration other) {
        return new EdgeClient(http, other);
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * An HTTP answer: status, the body parsed as JSON (null when it was not JSON), the body as text and the
     * {@code Location} header (null when absent).
     */
    public record Answer(int status, JsonNode json, String body, String location) {
        public Answer(int status, JsonNode json, String body) {
            this(status, json, body, null);
        }

        public String error() {
            return json != null && json.hasNonNull("error") ? json.get("error").asText() : body;
        }

        /** The answer in a few words for a message: status and (the start of) the agent's error or the body. */
        public String summary() {
            if (status >= 300 && status < 400) {
                return "HTTP " + status + " redirect to " + (location == null ? "(no Location)" : location)
                        + ": not an edge agent's answer (agents never redirect; register the agent's own URL)";
            }
            return "HTTP " + status + ": " + abbreviate(error());
        }
    }

    public Answer putManifest(NodeTarget node, String model, byte[] body) throws IOException, InterruptedException {
        return putManifest(node, model, body, () -> false);
    }

    /**
     * As above; {@code abandon} is asked while waiting for the answer: when it says yes the wait ends at once
     * with an {@link EdgeConnectionException} whose request {@linkplain EdgeConnectionException#mayHaveArrived()
     * may have arrived} (the upload was sent: the node may install it all the same).
     */
    public Answer putManifest(NodeTarget node, String model, byte[] body, BooleanSupplier abandon)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(node, "/v1/manifests/" + model)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(node, request, SMALL_ANSWER_CAP, abandon);
    }

    public Answer rollback(NodeTarget node, String model) throws IOException, InterruptedException {
        return rollback(node, model, null);
    }

    /** Rolls back only if the node's current manifest has {@code sha256} (null: whatever is current). */
    public Answer rollback(NodeTarget node, String model, String sha256) throws IOException, InterruptedException {
        String query = sha256 == null ? "" : "?sha256=" + sha256;
        return send(node, request(node, "/v1/manifests/" + model + "/rollback" + query)
                .POST(HttpRequest.BodyPublishers.noBody()), SMALL_ANSWER_CAP, () -> false);
    }

    /** The node's current manifest of {@code model}; empty when it has none (404). */
    public Optional<JsonNode> currentManifest(NodeTarget node, String model) throws IOException, InterruptedException {
        Answer answer = send(node, request(node, "/v1/manifests/" + model).GET(), MANIFEST_ANSWER_CAP, () -> false);
        if (answer.status() == 404 && answer.json() != null && answer.json().hasNonNull("error")) {
            return Optional.empty();
        }
        String where = node.name() + ": GET " + node.baseUrl() + "/v1/manifests/" + model;
        if (answer.status() != 200) {
            throw new IOException(where + " answered " + answer.summary());
        }
        JsonNode doc = answer.json();
        if (doc == null || !doc.isObject() || !model.equals(doc.path("model").asText(null))
                || !doc.path("version").canConvertToExactIntegral()) {
            throw new NotAnAgentException(where + ": the answer is not an edge agent's (" + answer.summary() + ")");
        }
        return Optional.of(doc);
    }

    /** {@code GET /v1/manifests}: model, version, sha256 and published_at of each manifest the node serves. */
    public JsonNode listManifests(NodeTarget node) throws IOException, InterruptedException {
        Answer answer = send(node, request(node, "/v1/manifests").GET(), SMALL_ANSWER_CAP, () -> false);
        String where = "GET " + node.baseUrl() + "/v1/manifests";
        if (answer.status() != 200) {
            throw new IOException(where + " answered " + answer.summary());
        }
        JsonNode json = answer.json();
        if (json == null || !json.isObject()) {
            throw new NotAnAgentException(where + ": not an edge agent's answer (" + answer.summary() + ")");
        }
        String problem = AgentAnswers.listingProblem(json);
        if (problem != null) {
            throw new NotAnAgentException(where + ": malformed answer: " + problem);
        }
        return json.get("manifests");
    }

    /**
     * {@code GET /healthz}, then {@code GET /v1/auth} with the registered token, so that a wrong or missing
     * token shows here as {@code token_refused} rather than first at publish time; never throws for network
     * trouble, it reports it.
     */
    public NodeHealth health(NodeTarget node) throws InterruptedException {
        long start = System.nanoTime();
        try {
            Answer answer = send(node, request(node, "/healthz").GET(), SMALL_ANSWER_CAP, () -> false);
            JsonNode j = answer.json();
            String problem = AgentAnswers.healthProblem(answer);
            if (problem != null) {
                return new NodeHealth(node.name(), NodeHealth.ERROR, null, null, null, since(start), problem,
                        clock.instant());
            }
            String version = j.get("version").asText();
            Double uptime = j.hasNonNull("uptime_s") ? j.get("uptime_s").asDouble() : null;
            Integer manifests = j.get("manifests").intValue();
            String about = "agent " + version + ", " + manifests + " manifest(s)";
            Answer auth = send(node, request(node, "/v1/auth").GET(), SMALL_ANSWER_CAP, () -> false);
            String status = NodeHealth.OK;
            if (auth.status() == 401) {
                status = NodeHealth.TOKEN_REFUSED;
                about = tokenRefused(node);
            } else if (auth.status() == 404) {
                about += " (token not checked: the agent has no /v1/auth)"; // an agent older than this console
            } else if (auth.status() != 200) {
                status = NodeHealth.ERROR;
                about = "token check answered " + auth.summary();
            }
            return new NodeHealth(node.name(), status, version, uptime, manifests, since(start), about, clock.instant());
        } catch (NotAnAgentException e) {
            // it answered, just not as an agent: up, but not usable
            return new NodeHealth(node.name(), NodeHealth.ERROR, null, null, null, since(start), e.getMessage(),
                    clock.instant());
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

    /**
     * Sends and waits for the whole answer until the deadline (the per-node timeout), reading at most
     * {@code cap} bytes of body; gives up at once when {@code abandon} says so.
     */
    private Answer send(NodeTarget node, HttpRequest.Builder request, int cap, BooleanSupplier abandon)
            throws IOException, InterruptedException {
        HttpRequest built = request.build();
        URI base = node.baseUrl();
        AtomicReference<CappedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(built, info -> {
            CappedBody b = new CappedBody(cap, info.headers().firstValueAsLong("Content-Length").orElse(-1));
            body.set(b);
            return b;
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() + GRACE_MS);
        HttpResponse<byte[]> response;
        try {
            response = await(pending, deadline, abandon);
        } catch (TimeoutException e) {
            abort(pending, body.get());
            throw new EdgeConnectionException(body.get() == null
                    ? "no answer from " + base + " to " + what(built) + " (timed out after " + timeout.toMillis() + " ms)"
                    : "no complete answer from " + base + " to " + what(built) + " within " + timeout.toMillis()
                    + " ms (the answer started but did not finish)", new HttpTimeoutException("deadline"), true);
        } catch (AbandonedException e) {
            abort(pending, body.get());
            throw new EdgeConnectionException("stopped waiting for the answer of " + base + " to " + what(built)
                    + " (the rollout was cancelled)", new IOException("abandoned"), true);
        } catch (InterruptedException e) {
            abort(pending, body.get());
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CappedBody.TooLargeException) {
                throw new NotAnAgentException("answer from " + base + " to " + what(built) + " larger than " + cap
                        + " bytes: not an edge agent?");
            }
            IOException io = cause instanceof IOException i ? i : new IOException(String.valueOf(cause), cause);
            throw new EdgeConnectionException(transportProblem(base, built, io), io, mayHaveArrived(io));
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json = null;
        try {
            json = StrictJson.parse(response.body());
        } catch (StrictJson.JsonSyntaxException e) {
            // not JSON (a proxy's error page, say): keep the text
        }
        return new Answer(response.statusCode(), json, text, response.headers().firstValue("Location").orElse(null));
    }

    private static <T> T await(CompletableFuture<T> pending, long deadlineNanos, BooleanSupplier abandon)
            throws TimeoutException, InterruptedException, ExecutionException, AbandonedException {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return pending.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(ABANDON_POLL_MS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (abandon.getAsBoolean()) {
                    throw new AbandonedException();
                }
            }
        }
    }

    /** Lets go of the exchange and its connection (closing it is what stops a node that is still sending). */
    private static void abort(CompletableFuture<?> pending, CappedBody body) {
        if (body != null) {
            body.abort();
        }
        pending.cancel(true);
    }

    private static String what(HttpRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }

    /**
     * Whether a request that got no answer may still have reached the agent: not when the connection (or its
     * TLS handshake) never came about, else it may (sent, then the answer timed out or the connection dropped).
     */
    private static boolean mayHaveArrived(IOException e) {
        return !(e instanceof HttpConnectTimeoutException || find(e, UnknownHostException.class) != null
                || find(e, NoRouteToHostException.class) != null || find(e, ConnectException.class) != null
                || find(e, SSLException.class) != null);
    }

    private static final class AbandonedException extends Exception {
        private static final long serialVersionUID = 1L;
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
        if (e instanceof EdgeConnectionException || e instanceof NotAnAgentException) {
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

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
