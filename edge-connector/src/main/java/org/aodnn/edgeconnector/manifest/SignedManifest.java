package org.aodnn.edgeconnector.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aodnn.edgeconnector.json.CanonicalJson;
import org.aodnn.edgeconnector.json.StrictJson;

/**
 * A structurally valid manifest with its identity: model, version, SHA-256 of the canonical JSON and the
 * key id of its signature (null when unsigned). Whether the signature is trusted is a separate question
 * ({@link ManifestSignature#verify}).
 */
public record SignedManifest(String model, long version, String sha256, String keyId, JsonNode document) {

    public static SignedManifest of(JsonNode document) throws ManifestException {
        ManifestSchema.validate(document);
        JsonNode sig = document.get("signature");
        return new SignedManifest(document.get("model").textValue(), document.get("version").asLong(),
                ManifestDigest.sha256(document), sig == null ? null : sig.path("key_id").asText(null), document);
    }

    /** Reads and validates a manifest file; errors name the file and the JSON path. */
    public static SignedManifest read(Path file) throws ManifestException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e.getMessage());
        }
        try {
            return of(StrictJson.parse(bytes));
        } catch (StrictJson.JsonSyntaxException | ManifestException e) {
            throw new ManifestException(file + ": " + e.getMessage());
        }
    }

    public boolean signed() {
        return keyId != null;
    }

    /** The bytes sent to agents (and stored by them): the canonical JSON, signature included. */
    public byte[] canonicalBytes() {
        return CanonicalJson.bytes(document);
    }
}
