package org.aodnn.edgeconnector.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.db.repo.ManifestRepository;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.policyeditor.policy.ResolvedPolicy;

/**
 * The console's manifests: builds one from a resolved policy with the next version of its model, signs it
 * with the console's key and records it in the database (so versions only grow per model and every
 * deployment refers to a stored document).
 */
public final class ManifestCatalog {

    private final ManifestRepository repository;
    private final PredictorRepository predictors;
    private final SigningKeyStore keys;
    private final Clock clock;

    public ManifestCatalog(Store store, SigningKeyStore keys) {
        this(store, keys, Clock.systemUTC());
    }

    /** A catalog that records and looks up manifests but cannot build (no signing key). */
    public ManifestCatalog(Store store) {
        this(store, null, Clock.systemUTC());
    }

    public ManifestCatalog(Store store, SigningKeyStore keys, Clock clock) {
        this.repository = new ManifestRepository(store.dsl());
        this.predictors = new PredictorRepository(store.dsl());
        this.keys = keys;
        this.clock = clock;
    }

    private java.util.Optional<com.fasterxml.jackson.databind.JsonNode> predictorDocument(String name) {
        return predictors.find(name).map(p -> {
            try {
                return StrictJson.MAPPER.readTree(p.document());
            } catch (java.io.IOException e) {
                throw new StoreException("stored predictor '" + name + "' is not valid JSON: " + e.getMessage());
            }
        });
    }

    /** Builds, signs and stores the next version of the policy's model. */
    public SignedManifest build(ResolvedPolicy policy) {
        try {
            return build(policy, manifest -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // unreachable: the output above writes nothing
        }
    }

    /** Where a built manifest goes before it is recorded (a file, typically). */
    @FunctionalInterface
    public interface Output {
        void write(SignedManifest manifest) throws java.io.IOException;
    }

    /**
     * Builds and signs the next version, hands it to {@code output}, and records it only once that
     * succeeded: a failed write leaves no row behind (and uses up no version number).
     */
    public SignedManifest build(ResolvedPolicy policy, Output output) throws java.io.IOException {
        if (keys == null) {
            throw new IllegalStateException("this manifest catalog has no signing key");
        }
        String model = policy.model().name();
        int version = repository.nextVersion(model);
        ObjectNode doc = ManifestBuilder.build(policy, version, clock.instant(), this::predictorDocument);
        SigningKeyStore.SigningKey key = keys.current();
        ManifestSignature.sign(doc, key.privateKey(), key.publicKey());
        SignedManifest manifest = validated(doc);
        output.write(manifest);
        repository.add(model, version, policy.name(), manifest.sha256(), manifest.keyId(),
                new String(StrictJson.pretty(doc), StandardCharsets.UTF_8));
        return manifest;
    }

    /**
     * The stored row of {@code manifest}, adding it when this console has not seen it (a file built
     * elsewhere); a different document under the same model and version is an error.
     */
    public ManifestEntry ensureStored(SignedManifest manifest) {
        int version = Math.toIntExact(manifest.version());
        var existing = repository.find(manifest.model(), version);
        if (existing.isPresent()) {
            if (!existing.get().sha256().equals(manifest.sha256())) {
                throw new StoreException("a different manifest " + manifest.model() + " v" + version
                        + " is already stored (sha256 " + existing.get().sha256() + ", this one " + manifest.sha256()
                        + "); build a new version instead");
            }
            return existing.get();
        }
        return repository.add(manifest.model(), version, null, manifest.sha256(),
                manifest.keyId() == null ? "unsigned" : manifest.keyId(),
                new String(StrictJson.pretty(manifest.document()), StandardCharsets.UTF_8));
    }

    private static SignedManifest validated(ObjectNode doc) {
        try {
            return SignedManifest.of(doc);
        } catch (ManifestException e) {
            // the builder writes what the schema demands; reaching this is a bug, not an operator error
            throw new IllegalStateException("built manifest is invalid: " + e.getMessage(), e);
        }
    }
}
