package org.aodnn.edgeconnector.publish;

import java.time.Instant;

/**
 * How a publication ended on one node: final state, the version the node serves afterwards as far as the
 * console knows (null when unknown), how many upload attempts were made, and a message.
 */
public record NodeOutcome(String node, NodeState state, Long deployedVersion, int attempts, String message,
                          Instant startedAt, Instant finishedAt) {
}
