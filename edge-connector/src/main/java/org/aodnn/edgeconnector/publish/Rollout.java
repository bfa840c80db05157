package org.aodnn.edgeconnector.publish;

/** How a manifest goes out: to every node at once, or to one canary node first and then to the rest. */
public enum Rollout {
    ALL_AT_ONCE("all"),
    CANARY("canary");

    private final String label;

    Rollout(String label) {
        this.label = label;
    }

    /** The word stored in the deployment table and printed by the CLI. */
    public String label() {
        return label;
    }
}
