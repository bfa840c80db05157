package org.aodnn.edgeconnector.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public keys an edge agent (or {@code manifest verify}) accepts signatures from, by key id. */
public final class TrustedKeys {

    private final Map<String, PublicKey> byId;

    private TrustedKeys(Map<String, PublicKey> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static TrustedKeys of(Collection<PublicKey> keys) {
        Map<String, PublicKey> map = new LinkedHashMap<>();
        for (PublicKey key : keys) {
            map.put(Ed25519.keyId(key), key);
        }
        return new TrustedKeys(map);
    }

    /** Reads every {@code PUBLIC KEY} block of every file (a file may hold several keys during a rotation). */
    public static TrustedKeys fromPemFiles(List<Path> files) {
        Map<String, PublicKey> map = new LinkedHashMap<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new KeyFormatException("cannot read the trusted key file " + file + ": " + e.getMessage(), e);
            }
            List<byte[]> blocks = Pem.decodeAll(text, Ed25519.PUBLIC_LABEL, file.toString());
            if (blocks.isEmpty()) {
                throw new KeyFormatException(file + ": no '-----BEGIN PUBLIC KEY-----' block found");
            }
            for (byte[] der : blocks) {
                PublicKey key = Ed25519.publicKeyFromDer(der, file.toString());
                map.put(Ed25519.keyId(key), key);
            }
        }
        if (map.isEmpty()) {
            throw new KeyFormatException("no trusted public key given");
        }
        return new TrustedKeys(map);
    }

    /** These keys and {@code other}'s. */
    public TrustedKeys and(TrustedKeys other) {
        Map<String, PublicKey> map = new LinkedHashMap<>(byId);
        map.putAll(other.byId);
        return new TrustedKeys(map);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public Collection<String> keyIds() {
        return byId.keySet();
    }
}
