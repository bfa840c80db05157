package org.aodnn.edgeconnector.publish;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rollout that did not start because the pre-flight check found target nodes that cannot take it; no node
 * was touched and nothing was recorded. The message names each node and why; the CLI and the workspace add
 * how to skip the unreachable ones ({@link #unreachable()}), which only the operator may decide.
 */
public final class RolloutRefusedException extends RuntimeException {

    private final List<String> unreachable;
    private final List<String> refusing;

    RolloutRefusedException(Map<String, String> unreachable, Map<String, String> refusing) {
        super(message(unreachable, refusing));
        this.unreachable = List.copyOf(unreachable.keySet());
        this.refusing = List.copyOf(refusing.keySet());
    }

    private static String message(Map<String, String> unreachable, Map<String, String> refusing) {
        StringBuilder s = new StringBuilder("rollout not started, no node was touched: ");
        if (!unreachable.isEmpty()) {
            s.append("unreachable: ").append(describe(unreachable));
        }
        if (!refusing.isEmpty()) {
            s.append(unreachable.isEmpty() ? "" : "; ").append("not ready: ").append(describe(refusing));
        }
        return s.toString();
    }

    private static String describe(Map<String, String> nodes) {
        return nodes.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The unreachable nodes (those an operator may choose to skip). */
    public List<String> unreachable() {
        return unreachable;
    }

    /** The nodes that answered but cannot take the manifest now (token refused, unhealthy). */
    public List<String> refusing() {
        return refusing;
    }

    /** Whether skipping the unreachable nodes would let the rollout start. */
    public boolean onlyUnreachable() {
        return refusing.isEmpty();
    }
}
