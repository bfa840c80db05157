package org.aodnn.edgeconnector.publish;

/** Per-node progress of a publication (called from worker threads; implementations must be thread-safe). */
@FunctionalInterface
public interface PublishListener {

    PublishListener NONE = (node, state, message) -> { };

    void nodeChanged(String node, NodeState state, String message);
}
