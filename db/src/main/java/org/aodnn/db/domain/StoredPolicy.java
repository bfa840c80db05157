package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * A named partition policy as stored: the catalog model it is for and its settings document (JSON written
 * and read by the policy editor, opaque to the store).
 */
public record StoredPolicy(String name, String model, String settingsJson, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {
}
