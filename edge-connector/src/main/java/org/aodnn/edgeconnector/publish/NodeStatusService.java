package org.aodnn.edgeconnector.publish;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;

/**
 * Health of the registered nodes: one concurrent round of {@code GET /healthz} and {@code GET /v1/manifests}
 * per call of {@link #pollAll()}, recorded in the registry (last status, message, time); or a periodic poll
 * ({@link #startPolling}) whose results go to a callback, for the Edge workspace.
 */
public final class NodeStatusService {

    private final Store store;
    private final EdgeClient client;

    public NodeStatusService(Store store, EdgeClient client) {
        this.store = store;
        this.client = client;
    }

    /** Checks every registered node at once and records the outcome; returns them by node name. */
    public List<NodeStatus> pollAll() throws InterruptedException {
        EdgeNodeRepository registry = new EdgeNodeRepository(store.dsl());
        List<EdgeNode> nodes = registry.list();
        if (nodes.isEmpty()) {
            return List.of();
        }
        Map<String, DeploymentEntry> lastDeployments = new DeploymentRepository(store.dsl()).latestPerNode().stream()
                .collect(Collectors.toMap(DeploymentEntry::nodeName, Function.identity()));
        int threads = Math.min(MAX_PARALLEL, nodes.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edge-health");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<NodeStatus>> futures = new ArrayList<>();
            for (EdgeNode node : nodes) {
                futures.add(pool.submit(() -> check(node, lastDeployments.get(node.name()))));
            }
            List<NodeStatus> statuses = new ArrayList<>();
            long budgetMs = roundBudgetMs(client.timeout(), nodes.size(), threads);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMs);
            for (int i = 0; i < nodes.size(); i++) {
                EdgeNode node = nodes.get(i);
                try {
                    statuses.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    // every call has its own deadline, so this is a backstop: a round never hangs on one node
                    futures.get(i).cancel(true);
                    statuses.add(failed(node, "health check did not finish within " + budgetMs + " ms",
                            lastDeployments.get(node.name())));
                } catch (java.util.concurrent.ExecutionException e) {
                    // one node's trouble is that node's status; the others were checked all the same
                    statuses.add(failed(node, "health check failed: " + e.getCause(), lastDeployments.get(node.name())));
                }
            }
            for (NodeStatus s : statuses) {
                registry.recordHealth(s.node().name(), s.health().status(), s.health().message(),
                        OffsetDateTime.ofInstant(s.health().checkedAt(), ZoneOffset.UTC));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** At most this many nodes are checked at once. */
    static final int MAX_PARALLEL = 32;

    /**
     * How long a round may take: each node needs up to three calls (health, token, listing), each bounded by
     * the per-call deadline (plus the client's short grace), in as many waves as the thread pool needs, and a
     * second to spare.
     */
    static long roundBudgetMs(Duration perCall, int nodes, int threads) {
        long waves = (nodes + threads - 1) / threads;
        return waves * 3 * (perCall.toMillis() + 250) + 1000;
    }

    private static NodeStatus failed(EdgeNode node, String message, DeploymentEntry last) {
        NodeHealth bad = new NodeHealth(node.name(), "error", null, null, null, 0, message, java.time.Instant.now());
        return new NodeStatus(node, bad, null, last);
    }

    private NodeStatus check(EdgeNode node, DeploymentEntry last) throws InterruptedException {
        NodeTarget target;
        try {
            target = NodeTarget.of(node);
        } catch (IllegalArgumentException e) {
            // a registration stored before the URL checks (or edited by hand): this node's error only
            return failed(node, e.getMessage(), last);
        }
        NodeHealth health = client.health(target);
        com.fasterxml.jackson.databind.JsonNode served = null;
        if (health.ok() || health.tokenRefused()) { // reads need no token: show what it serves all the same
            try {
                served = client.listManifests(target);
            } catch (IOException e) {
                health = new NodeHealth(node.name(), "error", health.agentVersion(), health.uptimeS(),
                        health.manifests(), health.roundTripMs(), "cannot list manifests: " + EdgeClient.describe(e),
                        health.checkedAt());
            }
        }
        return new NodeStatus(node, health, served, last);
    }

    /**
     * Polls every {@code every} on a background thread, passing each round to {@code onRound} (on that
     * thread; the UI hops to its own). Close the returned handle to stop.
     */
    public AutoCloseable startPolling(Duration every, Consumer<List<NodeStatus>> onRound,
                                      Consumer<Throwable> onError) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-health-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                onRound.accept(pollAll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        };
    }
}
