package org.aodnn.edgeconnector.ui;

import java.time.format.DateTimeFormatter;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.edgeconnector.manifest.SignedManifest;

/**
 * One stored manifest as the Edge workspace lists it: the database entry, the parsed document (null when
 * the stored text no longer parses), whether its signature checks out against this console's keys, and
 * whether the policy it was built from has been saved again since (then the name alone would suggest that
 * the manifest carries the policy's present settings, which it may not).
 */
public record ManifestRow(ManifestEntry entry, SignedManifest manifest, boolean verified, String verification,
                          boolean policySavedSince) {

    public ManifestRow(ManifestEntry entry, SignedManifest manifest, boolean verified, String verification) {
        this(entry, manifest, verified, verification, false);
    }

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public long id() {
        return entry.id();
    }

    public String model() {
        return entry.model();
    }

    public int version() {
        return entry.version();
    }

    /** The first 12 hex digits of the SHA-256, enough to tell manifests apart on screen. */
    public String shortSha256() {
        return entry.sha256().length() > 12 ? entry.sha256().substring(0, 12) : entry.sha256();
    }

    public String keyId() {
        return entry.keyId();
    }

    public String created() {
        return entry.createdAt() == null ? "" : CREATED.format(entry.createdAt());
    }

    public String policy() {
        if (entry.policyName() == null) {
            return "(file)";
        }
        return entry.policyName() + (policySavedSince ? " (re-saved since)" : "");
    }

    /** "verified" or why not, for the signature column. */
    public String signature() {
        return verified ? "verified" : verification;
    }

    /** How the publish and diff panes name it. */
    public String label() {
        return entry.model() + " v" + entry.version();
    }

    @Override
    public String toString() {
        return label() + " (" + shortSha256() + ")";
    }
}
