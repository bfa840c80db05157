package org.aodnn.edgeconnector.ui;

import java.nio.file.Files;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.policyeditor.policy.PolicyStore;

/**
 * What one reload of the Edge workspace brings from the database. Read on a background thread (it touches
 * the database and the key files, and verifies every manifest's signature), then applied on the UI thread
 * by {@link EdgeViewModel}; so it holds plain values only.
 */
record WorkspaceSnapshot(List<EdgeNode> nodes, List<DeploymentEntry> deployments, List<ManifestRow> manifests,
                         List<PolicyChoice> policies) {

    /** Reads nodes, latest deployments, manifests (each verified against the console's keys) and saved policies. */
    static WorkspaceSnapshot load(EdgeConsole console, Store store, SigningKeyStore keys) {
        List<PolicyStore.PolicySummary> policies = new PolicyStore(store).list();
        Map<String, OffsetDateTime> savedAt = new HashMap<>();
        policies.forEach(p -> savedAt.put(p.name(), p.updatedAt()));
        List<ManifestRow> rows = new ArrayList<>();
        TrustedKeys trusted = consoleKeys(keys);
        for (ManifestEntry entry : console.manifests()) {
            ManifestRow row = row(console, entry, trusted);
            OffsetDateTime policySaved = entry.policyName() == null ? null : savedAt.get(entry.policyName());
            boolean since = policySaved != null && entry.createdAt() != null && policySaved.isAfter(entry.createdAt());
            rows.add(new ManifestRow(row.entry(), row.manifest(), row.verified(), row.verification(), since));
        }
        List<PolicyChoice> saved = policies.stream().map(p -> new PolicyChoice(p.name(), p.model())).toList();
        return new WorkspaceSnapshot(console.nodes(), console.latestDeployments(), rows, saved);
    }

    /** The console's current and archived public keys; none before the first key was created. */
    static TrustedKeys consoleKeys(SigningKeyStore keys) {
        if (!Files.exists(keys.keyFile())) {
            return TrustedKeys.of(keys.archivedPublicKeys());
        }
        List<PublicKey> all = new ArrayList<>();
        all.add(keys.current().publicKey());
        all.addAll(keys.archivedPublicKeys());
        return TrustedKeys.of(all);
    }

    /** One table row; an unreadable file becomes a row that says why rather than failing the whole reload. */
    private static ManifestRow row(EdgeConsole console, ManifestEntry entry, TrustedKeys trusted) {
        SignedManifest manifest;
        try {
            manifest = console.manifest(entry);
        } catch (ManifestException e) {
            return new ManifestRow(entry, null, false, "unreadable: " + e.getMessage());
        }
        ManifestSignature.Verdict verdict = ManifestSignature.verify(manifest.document(), trusted);
        return new ManifestRow(entry, manifest, verdict.valid(), verdict.message());
    }
}
