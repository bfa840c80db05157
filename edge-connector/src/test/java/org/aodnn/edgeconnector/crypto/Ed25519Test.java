package org.aodnn.edgeconnector.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519Test {

    @TempDir
    Path dir;

    /** RFC 8032 section 7.1, TEST 2: the JDK's provider gives the published signature. */
    @Test
    void rfc8032TestVector() {
        byte[] seed = HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), seed);
        var privateKey = Ed25519.privateKeyFromPem(Pem.encode("PRIVATE KEY", pkcs8), "rfc8032");
        byte[] spki = concat(HexFormat.of().parseHex("302a300506032b6570032100"),
                HexFormat.of().parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
        PublicKey publicKey = Ed25519.publicKeyFromDer(spki, "rfc8032");
        byte[] message = {0x72};
        byte[] expected = HexFormat.of().parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertArrayEquals(expected, Ed25519.sign(privateKey, message));
        assertTrue(Ed25519.verify(publicKey, message, expected));
        expected[0] ^= 1;
        assertFalse(Ed25519.verify(publicKey, message, expected));
        assertFalse(Ed25519.verify(publicKey, message, new byte[3]), "malformed signature bytes are just invalid");
    }

    @Test
    void pemRoundTripAndKeyId() {
        KeyPair pair = Ed25519.generate();
        String pem = Ed25519.publicPem(pair.getPublic());
        PublicKey read = Ed25519.publicKeyFromPem(pem, "x");
        assertEquals(pair.getPublic(), read);
        assertEquals(16, Ed25519.keyId(read).length());
        assertEquals(Ed25519.keyId(pair.getPublic()), Ed25519.keyId(read));
        assertTrue(pem.lines().allMatch(l -> l.length() <= 64));
        byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
        assertTrue(Ed25519.verify(read, msg, Ed25519.sign(Ed25519.privateKeyFromPem(Ed25519.privatePem(pair.getPrivate()),
                "x"), msg)));
    }

    @Test
    void trustedKeysFromFilesHoldingSeveralKeys() throws Exception {
        KeyPair a = Ed25519.generate();
        KeyPair b = Ed25519.generate();
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Ed25519.publicPem(a.getPublic()) + Ed25519.publicPem(b.getPublic()));
        TrustedKeys trusted = TrustedKeys.fromPemFiles(List.of(both));
        assertTrue(trusted.find(Ed25519.keyId(a.getPublic())).isPresent());
        assertTrue(trusted.find(Ed25519.keyId(b.getPublic())).isPresent());

        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "hello");
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> TrustedKeys.fromPemFiles(List.of(junk)));
        assertTrue(e.getMessage().contains("junk.pem") && e.getMessage().contains("no '-----BEGIN PUBLIC KEY-----'"));
        Path missing = dir.resolve("missing.pem");
        assertTrue(assertThrows(KeyFormatException.class, () -> TrustedKeys.fromPemFiles(List.of(missing)))
                .getMessage().contains("missing.pem"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
