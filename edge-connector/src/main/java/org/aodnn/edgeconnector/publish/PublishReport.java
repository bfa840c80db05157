package org.aodnn.edgeconnector.publish;

import java.util.List;

/**
 * The result of one publication: which manifest, which rollout, whether every node ended up serving it,
 * why not, and each node's outcome (in the order the nodes were given).
 */
public record PublishReport(String model, long version, String sha256, Rollout rollout, boolean success,
                            String message, List<NodeOutcome> nodes, long elapsedMs) {

    public long count(NodeState state) {
        return nodes.stream().filter(n -> n.state() == state).count();
    }
}
