package org.aodnn.edgeconnector.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every node's outcome in one line, for the end of a failed rollout: the operator must see at once which
 * nodes were rolled back, withdrawn, skipped or left serving the new manifest, not only the first failure.
 */
final class OutcomeSummary {

    private OutcomeSummary() {
    }

    static String of(List<NodeOutcome> outcomes, long newVersion) {
        return outcomes.stream().map(o -> o.node() + " " + word(o, newVersion)).collect(Collectors.joining(", "));
    }

    private static String word(NodeOutcome o, long newVersion) {
        return switch (o.state()) {
            case DEPLOYED -> "deployed v" + newVersion;
            case ALREADY_CURRENT -> "already served v" + newVersion;
            case FAILED -> "failed";
            case SKIPPED -> "not attempted";
            case ROLLED_BACK -> o.deployedVersion() == null ? "rolled back (withdrawn, it had no earlier version)"
                    : "rolled back to v" + o.deployedVersion();
            case ROLLBACK_FAILED -> "ROLLBACK FAILED (may still serve v" + newVersion + ")";
            case UNKNOWN -> "UNKNOWN (its upload got no answer and it could not be checked: it may serve v"
                    + newVersion + ")";
            default -> o.state().label();
        };
    }
}
