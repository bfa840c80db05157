package org.aodnn.edgeconnector.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) through the JDK's own SunEC provider: key generation, PEM import/export, signing and
 * verification, and the short key id that names a public key inside signed documents.
 */
public final class Ed25519 {

    public static final String ALGORITHM = "Ed25519";
    public static final String PUBLIC_LABEL = "PUBLIC KEY";
    public static final String PRIVATE_LABEL = "PRIVATE KEY";

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false; // malformed signature bytes or a key of another algorithm: not valid
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", e);
        }
    }

    /**
     * The key id: the first 16 hex digits of SHA-256 over the public key's SubjectPublicKeyInfo DER
     * (64 bits, enough to tell a handful of trusted keys apart; the signature itself is what is trusted).
     */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicPem(PublicKey key) {
        return Pem.encode(PUBLIC_LABEL, key.getEncoded());
    }

    public static String privatePem(PrivateKey key) {
        return Pem.encode(PRIVATE_LABEL, key.getEncoded());
    }

    public static PublicKey publicKeyFromDer(byte[] der, String source) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new KeyFormatException(source + ": not an Ed25519 public key (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKeyFromPem(String pem, String source) {
        return publicKeyFromDer(Pem.decode(pem, PUBLIC_LABEL, source), source);
    }

    public static PrivateKey privateKeyFromPem(String pem, String source) {
        byte[] der = Pem.decode(pem, PRIVATE_LABEL, source);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new KeyFormatException(source + ": not an Ed25519 private key (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes base64url (padding optional); null when the text is not base64url. */
    public static byte[] fromBase64Url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
