package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.aodnn.edgeconnector.manifest.ManifestDigest;
import org.aodnn.edgeconnector.manifest.SignedManifest;

/**
 * Sends a signed manifest to edge agents, concurrently, with a per-node timeout and retries with backoff
 * for transport failures and 5xx answers (a 4xx answer is the agent's verdict and is not retried).
 *
 * <p>Rollouts: {@link Rollout#ALL_AT_ONCE} uploads to every node; {@link Rollout#CANARY} uploads to the
 * first node, checks that it is healthy and serves exactly the new manifest, then uploads to the rest. On
 * the first failure (or a cancel) no further node is started, uploads in flight finish (on a cancel they
 * are abandoned at once), and every node this publication updated is rolled back ({@code POST .../rollback})
 * to the version it had before, or withdrawn when it had none (so it serves nothing of that model, as before
 * the rollout).
 *
 * <p>An upload that got no answer (timed out, the connection dropped after sending, abandoned on a cancel)
 * has an unknown outcome: the agent may have taken it, or take it later from its queue. Such a node is
 * checked once the uploads are over ({@code GET} its current manifest, with a fresh deadline): serving the
 * new manifest it counts as deployed (and is rolled back with the others if the rollout stops); not serving
 * it, it failed; not answering the check, its outcome is {@link NodeState#UNKNOWN}. The rollback sends the
 * manifest's sha256, so it never undoes what another console published meanwhile.
 */
public final class Publisher {

    /** The per-call deadline of the checks and rollbacks after a cancel: the operator wants the command back. */
    static final Duration AFTER_CANCEL_TIMEOUT = Duration.ofSeconds(2);

    private final EdgeClient client;
    private final PublishOptions options;
    private final Clock clock = Clock.systemUTC();

    public Publisher(EdgeClient client, PublishOptions options) {
        this.client = client;
        this.options = options;
    }

    public PublishReport publish(SignedManifest manifest, List<NodeTarget> nodes, Rollout rollout,
                                 PublishListener listener, BooleanSupplier cancelled) throws InterruptedException {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no edge nodes to publish to");
        }
        if (nodes.stream().map(NodeTarget::name).distinct().count() != nodes.size()) {
            // two uploads to one agent at once would race each other and be counted twice
            throw new IllegalArgumentException("a node is listed more than once: "
                    + nodes.stream().map(NodeTarget::name).toList());
        }
        long start = System.nanoTime();
        Run run = new Run(manifest, listener, cancelled);
        nodes.forEach(n -> run.outcomes.put(n.name(), null));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), nodes.size()), r -> {
            Thread t = new Thread(r, "publish-" + manifest.model());
            t.setDaemon(true);
            return t;
        });
        try {
            List<NodeTarget> rest = nodes;
            if (rollout == Rollout.CANARY) {
                NodeTarget canary = nodes.get(0);
                run.deploy(canary);
                run.resolveUncertain(); // the canary's upload got no answer: what does it serve?
                if (run.failure.get() == null) {
                    run.verifyCanary(canary);
                }
                rest = nodes.subList(1, nodes.size());
            }
            if (run.failure.get() == null) {
                List<Future<?>> futures = new ArrayList<>();
                for (NodeTarget node : rest) {
                    futures.add(pool.submit(() -> {
                        run.deploy(node);
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    join(f);
                }
            }
            run.resolveUncertain();
            for (NodeTarget node : nodes) {
                if (run.outcomes.get(node.name()) == null) {
                    run.finish(node, NodeState.SKIPPED, null, 0, "not attempted: " + run.failure.get(), null);
                }
            }
            if (run.failure.get() != null) {
                rollBack(run, nodes, pool);
            }
        } finally {
            pool.shutdownNow();
        }
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (NodeTarget node : nodes) {
            outcomes.add(run.outcomes.get(node.name()));
        }
        String failure = run.failure.get();
        boolean success = failure == null;
        String message = success ? "deployed " + manifest.model() + " v" + manifest.version() + " to "
                + nodes.size() + " node(s)" : "rollout stopped: " + failure + "; nodes: "
                + OutcomeSummary.of(outcomes, manifest.version());
        return new PublishReport(manifest.model(), manifest.version(), manifest.sha256(), rollout, success, message,
                outcomes, (System.nanoTime() - start) / 1_000_000);
    }

    private void rollBack(Run run, List<NodeTarget> nodes, ExecutorService pool) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (NodeTarget node : nodes) {
            NodeOutcome o = run.outcomes.get(node.name());
            if (o.state() == NodeState.DEPLOYED) {
                futures.add(pool.submit(() -> {
                    run.rollback(node, o);
                    return null;
                }));
            }
        }
        for (Future<?> f : futures) {
            join(f);
        }
    }

    private static void join(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("publishing failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    /** A node whose upload got no answer: how many attempts, the last problem, when it started. */
    private record Uncertain(NodeTarget node, int attempts, String problem, Instant started) {
    }

    /** How an upload went unanswered, in the words of the final message. */
    static String unansweredWord(String problem) {
        if (problem.contains("the rollout was cancelled")) {
            return "upload abandoned on the cancel";
        }
        if (problem.contains("timed out") || problem.contains("no complete answer")) {
            return "timed out";
        }
        return "connection dropped after the upload";
    }

    /** The state of one publication. */
    private final class Run {
        final SignedManifest manifest;
        final byte[] body;
        final PublishListener listener;
        final BooleanSupplier cancelled;
        final Map<String, NodeOutcome> outcomes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        final AtomicReference<String> failure = new AtomicReference<>();
        /** Nodes whose upload got no answer, to check once the uploads are over. */
        final Map<String, Uncertain> uncertain = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        /** What the check found on such a node, to say in its final message (e.g. when rolled back). */
        final Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean cancelledByOperator;

        Run(SignedManifest manifest, PublishListener listener, BooleanSupplier cancelled) {
            this.manifest = manifest;
            this.body = manifest.canonicalBytes();
            this.listener = listener;
            this.cancelled = cancelled;
        }

        boolean stopping() {
            cancelledNow();
            return failure.get() != null;
        }

        /** Whether the operator cancelled (then waits for answers end at once and nothing is retried). */
        boolean cancelledNow() {
            if (!cancelledByOperator && cancelled.getAsBoolean()) {
                cancelledByOperator = true;
                failure.compareAndSet(null, "cancelled by the operator");
            }
            return cancelledByOperator;
        }

        /** The client for the checks and rollbacks: after a cancel with a short deadline. */
        EdgeClient afterwards() {
            return cancelledByOperator && client.timeout().compareTo(AFTER_CANCEL_TIMEOUT) > 0
                    ? client.withTimeout(AFTER_CANCEL_TIMEOUT) : client;
        }

        int rollbackAttempts() {
            return cancelledByOperator ? 1 : options.attempts();
        }

        void fail(NodeTarget node, String why) {
            failure.compareAndSet(null, node.name() + ": " + why);
        }

        void finish(NodeTarget node, NodeState state, Long version, int attempts, String message, Instant started) {
            Instant now = clock.instant();
            outcomes.put(node.name(), new NodeOutcome(node.name(), state, version, attempts, message,
                    started == null ? now : started, now));
            listener.nodeChanged(node.name(), state, message);
        }

        /**
         * Uploads with retries; records DEPLOYED / ALREADY_CURRENT / FAILED, leaves the node for SKIPPED, or,
         * when an upload got no answer and no later attempt settled it, for the check ({@link #uncertain}).
         */
        void deploy(NodeTarget node) throws InterruptedException {
            if (stopping()) {
                return;
            }
            Instant started = clock.instant();
            String lastProblem = null;
            String unanswered = null; // the last upload that may have reached the node without an answer
            int attempts = 0;
            for (int attempt = 1; attempt <= options.attempts(); attempt++) {
                if (attempt > 1) {
                    listener.nodeChanged(node.name(), NodeState.RETRYING, "attempt " + attempt + " after: " + lastProblem);
                    Thread.sleep(options.backoffBefore(attempt).toMillis());
                    if (stopping()) {
                        if (unanswered != null) {
                            uncertain(node, attempts, unanswered, started);
                        } else {
                            finish(node, NodeState.SKIPPED, null, attempts, "stopped before retrying: " + failure.get()
                                    + " (last problem: " + lastProblem + ")", started);
                        }
                        return;
                    }
                } else {
                    listener.nodeChanged(node.name(), NodeState.UPLOADING, "uploading v" + manifest.version());
                }
                attempts = attempt;
                EdgeClient.Answer answer;
                try {
                    answer = client.putManifest(node, manifest.model(), body, this::cancelledNow);
                } catch (NotAnAgentException e) {
                    String why = "the answer is not an edge agent's (" + e.getMessage() + ")";
                    finish(node, NodeState.FAILED, null, attempt, why, started);
                    fail(node, why);
                    return;
                } catch (IOException e) {
                    lastProblem = EdgeClient.describe(e);
                    if (e instanceof EdgeConnectionException c && c.mayHaveArrived()) {
                        unanswered = lastProblem;
                    }
                    if (cancelledNow()) {
                        break; // no retry after a cancel
                    }
                    continue;
                }
                int status = answer.status();
                if (status == 201 || status == 200) {
                    String problem = AgentAnswers.uploadProblem(answer, manifest.model(), manifest.version(),
                            manifest.sha256());
                    if (problem == null) {
                        finish(node, NodeState.DEPLOYED, manifest.version(), attempt, "deployed v" + manifest.version(),
                                started);
                    } else {
                        // a web server answering 200 to everything did not install anything
                        String why = "the answer is not an edge agent's (" + problem + ")";
                        finish(node, NodeState.FAILED, null, attempt, why, started);
                        fail(node, why);
                    }
                    return;
                }
                if (status == 409 && answer.json() != null
                        && manifest.sha256().equals(answer.json().path("current_sha256").asText())) {
                    // exactly this manifest is already current: either from before, or our earlier attempt
                    // succeeded and only its answer was lost (then this publication did update the node). Only an
                    // attempt that may have arrived can be ours: one refused or answered with an error installed
                    // nothing, and counting the node deployed would let a rollback withdraw what it served before.
                    boolean ours = unanswered != null;
                    finish(node, ours ? NodeState.DEPLOYED : NodeState.ALREADY_CURRENT, manifest.version(), attempt,
                            ours ? "deployed v" + manifest.version() + " (confirmed on retry)"
                                    : "already serving v" + manifest.version(), started);
                    return;
                }
                if (status >= 500) {
                    lastProblem = answer.summary();
                    continue;
                }
                String why = answer.summary();
                finish(node, NodeState.FAILED, currentVersion(answer), attempt, why, started);
                fail(node, why);
                return;
            }
            if (unanswered != null) {
                uncertain(node, attempts, unanswered, started);
                return;
            }
            String why = "gave up after " + attempts + " attempt(s): " + lastProblem;
            finish(node, NodeState.FAILED, null, attempts, why, started);
            fail(node, why);
        }

        /** An upload without an answer: the node may have taken it; checked in {@link #resolveUncertain}. */
        void uncertain(NodeTarget node, int attempts, String problem, Instant started) {
            uncertain.put(node.name(), new Uncertain(node, attempts, problem, started));
            listener.nodeChanged(node.name(), NodeState.VERIFYING, "the upload got no answer (" + problem
                    + "): checking what the node serves");
        }

        /**
         * Checks every node whose upload got no answer, with a fresh deadline: serving exactly this manifest it
         * counts as deployed (so a rollout that stops rolls it back too), else it failed, or its outcome stays
         * unknown when it cannot be asked. A node not updated or unknown stops the rollout.
         */
        void resolveUncertain() throws InterruptedException {
            List<Uncertain> pending;
            synchronized (uncertain) {
                pending = new ArrayList<>(uncertain.values());
                uncertain.clear();
            }
            cancelledNow();
            EdgeClient checker = afterwards();
            for (Uncertain u : pending) {
                String word = unansweredWord(u.problem());
                String node = u.node().name();
                try {
                    Optional<JsonNode> served = checker.currentManifest(u.node(), manifest.model());
                    if (served.isPresent() && ManifestDigest.sha256(served.get()).equals(manifest.sha256())) {
                        String note = word + "; found serving v" + manifest.version() + " afterwards";
                        notes.put(node, note);
                        finish(u.node(), NodeState.DEPLOYED, manifest.version(), u.attempts(),
                                note + ": counts as deployed", u.started());
                    } else {
                        Long now = served.map(d -> d.path("version").asLong()).orElse(null);
                        String why = word + "; not installed (" + (now == null ? "it serves no manifest of "
                                + manifest.model() : "it serves v" + now) + "; the upload: " + u.problem() + ")";
                        finish(u.node(), NodeState.FAILED, now, u.attempts(), why, u.started());
                        fail(u.node(), why);
                    }
                } catch (IOException e) {
                    String why = word + "; could not be checked: " + EdgeClient.describe(e) + " (it may serve v"
                            + manifest.version() + "; the upload: " + u.problem() + ")";
                    finish(u.node(), NodeState.UNKNOWN, null, u.attempts(), why, u.started());
                    fail(u.node(), why);
                }
            }
        }

        /** After the canary took the manifest: it must be healthy and serve exactly this manifest. */
        void verifyCanary(NodeTarget canary) throws InterruptedException {
            NodeOutcome deployed = outcomes.get(canary.name());
            listener.nodeChanged(canary.name(), NodeState.VERIFYING, "checking health and the served manifest");
            NodeHealth health = client.health(canary);
            String problem = null;
            if (!health.ok()) {
                problem = "canary unhealthy after the upload: " + health.message();
            } else {
                try {
                    Optional<JsonNode> served = client.currentManifest(canary, manifest.model());
                    if (served.isEmpty()) {
                        problem = "canary serves no manifest of " + manifest.model() + " after the upload";
                    } else if (!ManifestDigest.sha256(served.get()).equals(manifest.sha256())) {
                        problem = "canary serves v" + served.get().path("version").asLong() + ", not the uploaded v"
                                + manifest.version();
                    }
                } catch (IOException e) {
                    problem = "canary check failed: " + EdgeClient.describe(e);
                }
            }
            if (problem != null) {
                fail(canary, problem);
                // the canary was updated (unless it already had it), so it is rolled back with the others
                outcomes.put(canary.name(), new NodeOutcome(canary.name(), deployed.state(), deployed.deployedVersion(),
                        deployed.attempts(), problem, deployed.startedAt(), clock.instant()));
            } else {
                listener.nodeChanged(canary.name(), deployed.state(), "canary healthy, serving v" + manifest.version());
            }
            stopping();
        }

        void rollback(NodeTarget node, NodeOutcome deployed) throws InterruptedException {
            listener.nodeChanged(node.name(), NodeState.ROLLING_BACK, "rolling back: " + failure.get());
            String note = notes.get(node.name());
            String prefix = note == null ? "" : note + ": ";
            EdgeClient rollbackClient = afterwards();
            int tries = rollbackAttempts();
            String lastProblem = null;
            for (int attempt = 1; attempt <= tries; attempt++) {
                if (attempt > 1) {
                    Thread.sleep(options.backoffBefore(attempt).toMillis());
                }
                try {
                    // only our manifest: never undo what another console published there meanwhile
                    EdgeClient.Answer answer = rollbackClient.rollback(node, manifest.model(), manifest.sha256());
                    if (answer.status() == 200) {
                        String problem = AgentAnswers.rollbackProblem(answer, manifest.model());
                        if (problem != null) {
                            lastProblem = "the answer is not an edge agent's (" + problem + ")";
                            break;
                        }
                        if (answer.json().path("withdrawn").asBoolean(false)) {
                            // the node had no earlier version: it now serves none of this model, as before
                            finish(node, NodeState.ROLLED_BACK, null, deployed.attempts(), prefix + "rolled back: "
                                    + "withdrawn, it had no earlier version (because " + failure.get() + ")",
                                    deployed.startedAt());
                            return;
                        }
                        long now = answer.json().get("version").asLong();
                        finish(node, NodeState.ROLLED_BACK, now, deployed.attempts(), prefix + "rolled back to v" + now
                                + " because " + failure.get(), deployed.startedAt());
                        return;
                    }
                    String supersededBy = answer.status() == 409 && answer.json() != null
                            ? answer.json().path("current_sha256").asText("") : "";
                    if (!supersededBy.isEmpty() && !supersededBy.equals(manifest.sha256())) {
                        // the sha256 guard: the node serves another publication's manifest now, not this rollout's;
                        // there is nothing of ours to undo, and the other one is left as it is
                        Long now = currentVersion(answer);
                        finish(node, NodeState.ROLLED_BACK, now, deployed.attempts(), prefix + "left as is: it serves "
                                + (now == null ? "another manifest" : "v" + now) + " from another publication since,"
                                + " not this rollout's v" + manifest.version() + " (rollout stopped because "
                                + failure.get() + ")", deployed.startedAt());
                        return;
                    }
                    lastProblem = answer.summary();
                    if (answer.status() < 500) {
                        break;
                    }
                } catch (NotAnAgentException e) {
                    lastProblem = e.getMessage();
                    break;
                } catch (IOException e) {
                    lastProblem = EdgeClient.describe(e);
                }
            }
            finish(node, NodeState.ROLLBACK_FAILED, manifest.version(), deployed.attempts(),
                    prefix + "could not roll back (" + lastProblem + "); the node may still serve v" + manifest.version(),
                    deployed.startedAt());
        }

        private Long currentVersion(EdgeClient.Answer answer) {
            return answer.json() != null && answer.json().hasNonNull("current_version")
                    ? answer.json().get("current_version").asLong() : null;
        }
    }
}
