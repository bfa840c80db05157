package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * A signed offloading manifest as the console keeps it: model, version (growing per model), the saved
 * policy it was built from (null when built from ad-hoc options or imported), SHA-256 of its canonical
 * JSON, the signing key id and the JSON document itself.
 */
public record ManifestEntry(long id, String model, int version, String policyName, String sha256, String keyId,
                            String document, OffsetDateTime createdAt) {
}
