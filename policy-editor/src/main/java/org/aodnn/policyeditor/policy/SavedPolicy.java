package org.aodnn.policyeditor.policy;

import java.time.OffsetDateTime;

/** A policy as loaded from the database. */
public record SavedPolicy(String name, PolicySettings settings, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
