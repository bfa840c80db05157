package org.aodnn.edgeconnector.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.aodnn.edgeconnector.json.CanonicalJson;

/**
 * A manifest's identity: SHA-256 over its canonical JSON (signature included), so re-indenting a file does
 * not change it. Agents store and serve exactly these canonical bytes, so it is also the hash of the body.
 */
public final class ManifestDigest {

    private ManifestDigest() {
    }

    public static String sha256(JsonNode document) {
        return sha256(CanonicalJson.bytes(document));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
