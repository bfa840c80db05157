package org.aodnn.edgeconnector.agent;

import java.nio.file.Path;
import java.time.Instant;

/** One version of a model's manifest as the agent holds it: canonical bytes on disk, hash, publish time. */
public record StoredManifest(String model, long version, String sha256, Instant publishedAt, Path file) {
}
