package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * An edge node the console publishes to: name, base URL of its agent, optional group and bearer token,
 * and the outcome of the last health check ({@code lastStatus} null until the first one).
 */
public record EdgeNode(long id, String name, String url, String group, String token, String lastStatus,
                       String lastMessage, OffsetDateTime lastChecked) {
}
