package org.aodnn.edgeconnector.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.CanonicalJson;

/**
 * Ed25519 over the RFC 8785 canonical JSON of the manifest without its {@code signature} member; the
 * signature travels inside the document as {@code {"alg":"Ed25519","key_id":...,"value":base64url}}.
 */
public final class ManifestSignature {

    private ManifestSignature() {
    }

    /** The bytes that are signed: the canonical form of everything but {@code signature}. */
    public static byte[] signedBytes(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove("signature");
        return CanonicalJson.bytes(copy);
    }

    /** Signs in place (replacing any earlier signature) and returns the document. */
    public static ObjectNode sign(ObjectNode document, PrivateKey privateKey, PublicKey publicKey) {
        document.remove("signature");
        byte[] value = Ed25519.sign(privateKey, CanonicalJson.bytes(document));
        ObjectNode signature = document.putObject("signature");
        signature.put("alg", ManifestFields.SIGNATURE_ALG);
        signature.put("key_id", Ed25519.keyId(publicKey));
        signature.put("value", Ed25519.base64Url(value));
        return document;
    }

    /** Checks the signature of a structurally valid manifest against the trusted keys. */
    public static Verdict verify(JsonNode document, TrustedKeys trusted) {
        return verify(document, trusted, null);
    }

    /** As {@link #verify(JsonNode, TrustedKeys)}, with the signed bytes already computed (or null). */
    public static Verdict verify(JsonNode document, TrustedKeys trusted, byte[] signedBytes) {
        JsonNode signature = document.get("signature");
        if (signature == null || signature.isNull()) {
            return Verdict.failed("the manifest is not signed (no 'signature' member)");
        }
        if (!signature.isObject() || !signature.path("alg").isTextual() || !signature.path("key_id").isTextual()
                || !signature.path("value").isTextual()) {
            return Verdict.failed("'signature' must be an object with the strings alg, key_id and value");
        }
        String alg = signature.get("alg").textValue();
        if (!ManifestFields.SIGNATURE_ALG.equals(alg)) {
            return Verdict.failed("signature algorithm '" + alg + "' is not accepted (only Ed25519)");
        }
        String keyId = signature.get("key_id").textValue();
        Optional<PublicKey> key = trusted.find(keyId);
        if (key.isEmpty()) {
            return Verdict.failed("signed with key " + keyId + ", which is not trusted here (trusted: "
                    + String.join(", ", trusted.keyIds()) + ")");
        }
        byte[] value = Ed25519.fromBase64Url(signature.get("value").textValue());
        if (value == null || value.length != 64) {
            return Verdict.failed("the signature value is not 64 bytes of base64url");
        }
        try {
            if (!Ed25519.verify(key.get(), signedBytes != null ? signedBytes : signedBytes(document), value)) {
                return Verdict.failed("the signature does not match the content (the manifest was altered after "
                        + "signing, or signed by another key)");
            }
        } catch (RuntimeException e) {
            return Verdict.failed("the content has no canonical form: " + e.getMessage());
        }
        return new Verdict(true, keyId, "valid Ed25519 signature by key " + keyId);
    }

    /** Outcome of a verification; {@code message} says why it failed. */
    public record Verdict(boolean valid, String keyId, String message) {
        static Verdict failed(String message) {
            return new Verdict(false, null, message);
        }
    }
}
