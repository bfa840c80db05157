package org.aodnn.edgeconnector.publish;

import java.time.Instant;

/**
 * One health check of one node: {@code status} is {@code ok}, {@code unreachable} (no connection or timeout),
 * {@code token_refused} (the agent is up but refuses the registered bearer token, so a publish would get 401)
 * or {@code error} (the agent answered, but not as expected); the agent's version, uptime and manifest
 * count when it answered, the round-trip time and a message.
 */
public record NodeHealth(String node, String status, String agentVersion, Double uptimeS, Integer manifests,
                         long roundTripMs, String message, Instant checkedAt) {

    public static final String OK = "ok";
    public static final String UNREACHABLE = "unreachable";
    public static final String TOKEN_REFUSED = "token_refused";
    public static final String ERROR = "error";

    public boolean unreachable() {
        return UNREACHABLE.equals(status);
    }

    public boolean tokenRefused() {
        return TOKEN_REFUSED.equals(status);
    }

    public boolean ok() {
        return "ok".equals(status);
    }
}
