package org.aodnn.db.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Crash-safe file replacement: the bytes go to a temporary file in the same directory, which is forced to
 * disk and then renamed over the target (an atomic step on POSIX file systems); the directory is forced
 * too so the rename itself survives a power cut. A reader, or a process restarted after a kill at any
 * instant, sees either the old file or the new one, never a torn mix. Every file the Workbench writes for
 * an operator (exports, profiles, predictions, predictors, manifests, keys) goes through here.
 */
public final class AtomicFiles {

    /** Temporary files start with this prefix so a restart can sweep the leftovers of a killed write. */
    public static final String TEMP_PREFIX = ".tmp-";

    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** What goes into a file, written through a stream that the caller must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Text written through a UTF-8 writer that the caller must not close. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code data} to {@code target} atomically; {@code ownerOnly} creates it readable by its owner alone. */
    public static void write(Path target, byte[] data, boolean ownerOnly) throws IOException {
        write(target, data, ownerOnly, null);
    }

    /** As {@link #write(Path, byte[], boolean)}, setting the file's modification time before it appears. */
    public static void write(Path target, byte[] data, boolean ownerOnly, FileTime modified) throws IOException {
        replace(target, ownerOnly, modified, out -> out.write(data));
    }

    /**
     * Writes UTF-8 text to {@code target} atomically. When {@code content} throws, the target is left as it
     * was and the temporary file is gone.
     */
    public static void writeText(Path target, TextContent content) throws IOException {
        replace(target, false, null, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /**
     * The one place that writes a temporary file, forces it to disk and renames it over the target. A failure
     * of the file system is an {@link IOException} whose message is the reason alone (the caller names the
     * target; the temporary file's name would only confuse): "no such directory", "permission denied", ...
     * What {@code content} itself throws passes unchanged.
     */
    public static void replace(Path target, boolean ownerOnly, FileTime modified, Content content) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("it is a directory");
        }
        try {
            replaceOrFail(target, ownerOnly, modified, content);
        } catch (ContentFailure e) {
            throw e.getCause();
        } catch (NoSuchFileException e) {
            throw new IOException("no such directory: " + target.toAbsolutePath().getParent(), e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied in " + target.toAbsolutePath().getParent(), e);
        } catch (FileSystemException e) {
            throw new IOException(e.getReason() == null ? e.getClass().getSimpleName() : e.getReason(), e);
        }
    }

    /** Carries what the content threw past the translation of file-system errors above. */
    private static final class ContentFailure extends IOException {
        ContentFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static void replaceOrFail(Path target, boolean ownerOnly, FileTime modified, Content content)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), fileAttributes(ownerOnly))) {
                OutputStream out = Channels.newOutputStream(channel);
                try {
                    content.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    throw new ContentFailure(e);
                }
                channel.force(true);
            }
            if (modified != null) {
                Files.setLastModifiedTime(temp, modified);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
    }

    /** Renames atomically and forces the directory, so the move survives a crash. */
    public static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(to.toAbsolutePath().getParent());
        Path fromDir = from.toAbsolutePath().getParent();
        if (!fromDir.equals(to.toAbsolutePath().getParent())) {
            forceDirectory(fromDir);
        }
    }

    /** Creates {@code dir} (and parents); with {@code ownerOnly} the leaf directory is rwx------ on POSIX. */
    public static Path createDirectories(Path dir, boolean ownerOnly) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (ownerOnly && POSIX) {
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        }
        return dir;
    }

    /** Deletes leftovers of writes that were killed before their rename. */
    public static int sweepTemporaryFiles(Path dir) throws IOException {
        int removed = 0;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** fsync of a directory: on Linux opening it read-only and forcing it persists its entries. */
    public static void forceDirectory(Path dir) throws IOException {
        if (!POSIX) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories; the rename is still atomic there
        }
    }

    private static FileAttribute<?>[] fileAttributes(boolean ownerOnly) {
        if (ownerOnly && POSIX) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)};
        }
        return new FileAttribute<?>[0];
    }

}
