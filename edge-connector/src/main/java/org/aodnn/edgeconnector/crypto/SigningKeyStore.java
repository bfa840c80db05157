package org.aodnn.edgeconnector.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.files.AtomicFiles;

/**
 * The console's manifest-signing key in its data directory: {@code keys/signing-key.pem} holds the private
 * and the public key (one file, so a pair is never half-written), readable by its owner only. The key is
 * created on first use. Rotation moves the current file to {@code keys/archive/} (kept, so manifests signed
 * earlier can still be checked) and creates a new pair; agents may trust old and new keys meanwhile.
 */
public final class SigningKeyStore {

    public static final String KEY_FILE = "signing-key.pem";
    public static final String ARCHIVE_DIR = "archive";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    /** {@code directory} is the keys directory itself (for example {@code $AODNN_HOME/keys}). */
    public SigningKeyStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public SigningKeyStore(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    public Path keyFile() {
        return directory.resolve(KEY_FILE);
    }

    /** The current key pair, created (owner-only) when there is none yet. */
    public SigningKey current() {
        return locked(() -> {
            Path file = keyFile();
            if (Files.exists(file)) {
                return read(file);
            }
            return create();
        });
    }

    /** Archives the current key (if any) and creates a new one; returns the rotation's old and new key. */
    public Rotation rotate() {
        return locked(() -> {
            Path file = keyFile();
            SigningKey old = null;
            if (Files.exists(file)) {
                old = read(file);
                Path archive = AtomicFiles.createDirectories(directory.resolve(ARCHIVE_DIR), true);
                Path archived = archive.resolve(old.keyId() + "-" + STAMP.format(clock.instant()) + ".pem");
                AtomicFiles.move(file, archived);
            }
            return new Rotation(old, create());
        });
    }

    /**
     * What this console's signatures verify against: the current public key (when one was created) and the
     * archived ones. Creates nothing, so checking a manifest never makes a key as a side effect.
     */
    public TrustedKeys trustedKeys() {
        List<PublicKey> all = new ArrayList<>();
        if (Files.exists(keyFile())) {
            all.add(current().publicKey());
        }
        all.addAll(archivedPublicKeys());
        return TrustedKeys.of(all);
    }

    /** Public keys of the archived pairs, newest first (what agents keep trusting during a rotation). */
    public List<PublicKey> archivedPublicKeys() {
        Path archive = directory.resolve(ARCHIVE_DIR);
        List<PublicKey> keys = new ArrayList<>();
        if (!Files.isDirectory(archive)) {
            return keys;
        }
        try (var files = Files.list(archive)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".pem"))
                    .sorted((a, b) -> lastModified(b).compareTo(lastModified(a))).toList();
            for (Path p : sorted) {
                keys.add(read(p).publicKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + archive + ": " + e.getMessage(), e);
        }
        return keys;
    }

    private static java.nio.file.attribute.FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SigningKey create() throws IOException {
        AtomicFiles.createDirectories(directory, true);
        KeyPair pair = Ed25519.generate();
        String pem = Ed25519.privatePem(pair.getPrivate()) + Ed25519.publicPem(pair.getPublic());
        AtomicFiles.write(keyFile(), pem.getBytes(StandardCharsets.US_ASCII), true);
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    private static SigningKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyFormatException("cannot read the signing key " + file + ": " + e.getMessage(), e);
        }
        PrivateKey privateKey = Ed25519.privateKeyFromPem(text, file.toString());
        PublicKey publicKey = Ed25519.publicKeyFromPem(text, file.toString());
        byte[] probe = "aodnn key check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
            throw new KeyFormatException(file + ": the private and public keys in this file do not belong together");
        }
        return new SigningKey(privateKey, publicKey);
    }

    /** Serialises key creation between processes (the CLI and the window may start at once). */
    private <T> T locked(IoAction<T> action) {
        try {
            AtomicFiles.createDirectories(directory, true);
            try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the key directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** A signing key pair and its id. */
    public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        public String keyId() {
            return Ed25519.keyId(publicKey);
        }

        public String publicPem() {
            return Ed25519.publicPem(publicKey);
        }
    }

    /** The outcome of a rotation; {@code previous} is null when there was no key before. */
    public record Rotation(SigningKey previous, SigningKey current) {
    }
}
