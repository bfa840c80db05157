package org.aodnn.edgeconnector.publish;

import java.time.Instant;

/**
 * One health check of one node: {@code status} is {@code ok}, {@code unreachable} (no connection or timeout)
 * or {@code error} (the agent answered, but not as expected); the agent's version, uptime and manifest
 * count when it answered, the round-trip time and a message.
 */
public record NodeHealth(String node, String status, String agentVersion, Double uptimeS, Integer manifests,
                         long roundTripMs, String message, Instant checkedAt) {

    public boolean ok() {
        return "ok".equals(status);
    }
}
