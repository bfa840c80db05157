package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.Pem;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportCreatesAnOwnerOnlyKeyOnFirstUseAndKeepsIt() throws Exception {
        Path keys = dir.resolve("home/keys");
        Cli.Result first = Cli.run(new KeysCommand(), "export", "--keys", keys.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("-----BEGIN PUBLIC KEY-----\n"), first.out());
        Ed25519.publicKeyFromPem(first.out(), "stdout");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key.pem"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals(first.out(), Cli.run(new KeysCommand(), "export", "--keys", keys.toString()).out(), "same key");
    }

    @Test
    void rotateArchivesTheOldKeyAndExportCanListBoth() throws Exception {
        Path keys = dir.resolve("keys");
        String before = Cli.run(new KeysCommand(), "export", "--keys", keys.toString()).out();
        String oldId = Ed25519.keyId(Ed25519.publicKeyFromPem(before, "old"));
        Cli.Result rotated = Cli.run(new KeysCommand(), "rotate", "--keys", keys.toString(), "--json");
        assertEquals(0, rotated.exit(), rotated.err());
        var doc = StrictJson.parse(rotated.out());
        assertEquals(oldId, doc.get("previous_key_id").asText());
        assertNotEquals(oldId, doc.get("key_id").asText());
        try (var archived = Files.list(keys.resolve("archive"))) {
            Path file = archived.findFirst().orElseThrow();
            assertTrue(file.getFileName().toString().startsWith(oldId + "-"), file.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        String after = Cli.run(new KeysCommand(), "export", "--keys", keys.toString()).out();
        assertNotEquals(before, after);
        String both = Cli.run(new KeysCommand(), "export", "--keys", keys.toString(), "--with-archived").out();
        assertEquals(2, Pem.decodeAll(both, "PUBLIC KEY", "stdout").size());
        assertTrue(both.startsWith(after) && both.endsWith(before), "current first, then the archived one");
        assertEquals(doc.get("key_id").asText(), new SigningKeyStore(keys).current().keyId());
    }

    @Test
    void aDamagedKeyFileIsAClearError() throws Exception {
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys);
        Files.writeString(keys.resolve("signing-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Cli.Result r = Cli.run(new KeysCommand(), "export", "--keys", keys.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("signing-key.pem") && r.err().contains("not an Ed25519 private key"), r.err());
        assertEquals("", r.out());
    }
}
