package org.aodnn.edgeconnector.publish;

/** Where one node is in a publication; the final states are stored as the deployment's status. */
public enum NodeState {
    PENDING("pending", false),
    UPLOADING("uploading", false),
    RETRYING("retrying", false),
    VERIFYING("verifying", false),
    ROLLING_BACK("rolling_back", false),
    /** The node accepted the manifest and serves it. */
    DEPLOYED("deployed", true),
    /** The node already served exactly this manifest before the publication. */
    ALREADY_CURRENT("already_current", true),
    /** The node refused the manifest or could not be reached. */
    FAILED("failed", true),
    /** Not attempted because the rollout stopped earlier. */
    SKIPPED("skipped", true),
    /**
     * Updated, then returned to its previous version because the rollout failed elsewhere; or withdrawn
     * (deployed version null) when it had no previous version.
     */
    ROLLED_BACK("rolled_back", true),
    /** Updated, and the rollback did not succeed: the node may still serve the new manifest. */
    ROLLBACK_FAILED("rollback_failed", true),
    /**
     * The upload got no answer (timed out, or the connection dropped after it was sent) and the node could not
     * be checked afterwards: it may or may not serve the new manifest.
     */
    UNKNOWN("unknown", true);

    private final String label;
    private final boolean terminal;

    NodeState(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return terminal;
    }
}
