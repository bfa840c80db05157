package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * What one publication did on one node: the manifest (model, version, hash), the rollout policy, the
 * result ({@code status}: deployed, failed, rolled_back, skipped, ...), the version the node holds
 * afterwards (null when unknown) and a message.
 */
public record DeploymentEntry(long id, long manifestId, String model, int manifestVersion, String manifestSha256,
                              String nodeName, String rollout, String status, Integer deployedVersion,
                              String message, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
