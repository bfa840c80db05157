package org.aodnn.edgeconnector.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The health check of every target before a rollout touches any node. A rollout that is bound to fail on a
 * node already known to be down would update the others and then have to roll them back; so a node that
 * does not answer stops the rollout before it starts, unless the operator asked to skip unreachable nodes.
 * A node that answers but refuses the registered token, or is unhealthy, always stops it: that is fixed
 * in the registry or on the node, not by leaving the node behind.
 */
final class PreFlight {

    private PreFlight() {
    }

    /** The targets the rollout goes to, and the unreachable ones it leaves out (with their health message). */
    record Admitted(List<NodeTarget> targets, Map<String, String> skipped) {
    }

    static Admitted check(EdgeClient client, List<NodeTarget> targets, int concurrency, boolean skipUnreachable)
            throws InterruptedException {
        List<NodeHealth> health = healthOf(client, targets, concurrency);
        Map<String, String> unreachable = new LinkedHashMap<>();
        Map<String, String> refusing = new LinkedHashMap<>();
        for (NodeHealth h : health) {
            if (h.unreachable()) {
                unreachable.put(h.node(), h.message());
            } else if (!h.ok()) {
                refusing.put(h.node(), h.message());
            }
        }
        if (!refusing.isEmpty() || (!unreachable.isEmpty() && !skipUnreachable)) {
            throw new RolloutRefusedException(unreachable, refusing);
        }
        List<NodeTarget> admitted = targets.stream().filter(t -> !unreachable.containsKey(t.name())).toList();
        return new Admitted(admitted, unreachable);
    }

    private static List<NodeHealth> healthOf(EdgeClient client, List<NodeTarget> targets, int concurrency)
            throws InterruptedException {
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, targets.size()), r -> {
            Thread t = new Thread(r, "publish-preflight");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<NodeHealth>> futures = new ArrayList<>();
            for (NodeTarget target : targets) {
                futures.add(pool.submit(() -> client.health(target)));
            }
            List<NodeHealth> health = new ArrayList<>();
            int threads = Math.min(concurrency, targets.size());
            long budgetMs = NodeStatusService.roundBudgetMs(client.timeout(), targets.size(), threads);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(budgetMs);
            for (int i = 0; i < futures.size(); i++) {
                Future<NodeHealth> f = futures.get(i);
                try {
                    health.add(f.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    // a backstop: every call has its own deadline
                    f.cancel(true);
                    health.add(new NodeHealth(targets.get(i).name(), NodeHealth.UNREACHABLE, null, null, null, budgetMs,
                            "health check did not finish within " + budgetMs + " ms", java.time.Instant.now()));
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("pre-flight health check failed unexpectedly: " + e.getCause(),
                            e.getCause());
                }
            }
            return health;
        } finally {
            pool.shutdownNow();
        }
    }
}
