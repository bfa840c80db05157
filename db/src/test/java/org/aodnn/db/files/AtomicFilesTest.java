package org.aodnn.db.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void textReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old\n");
        AtomicFiles.writeText(file, w -> w.write("model,ms\nvgg16,37.8 \u00b5s\n"));
        assertEquals("model,ms\nvgg16,37.8 \u00b5s\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(file), listing());
    }

    @Test
    void aFailingWriterKeepsTheOldFileWhole() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old\n");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.writeText(file, w -> {
            w.write("half of a new file");
            w.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(file), listing(), "the temporary file is removed");
    }

    @Test
    void aFileSystemFailureSaysWhyWithoutTheTemporaryName() throws IOException {
        IOException missing = assertThrows(IOException.class,
                () -> AtomicFiles.writeText(dir.resolve("nowhere/out.csv"), w -> w.write("x")));
        assertEquals("no such directory: " + dir.resolve("nowhere"), missing.getMessage());
        Files.createDirectory(dir.resolve("sub"));
        IOException directory = assertThrows(IOException.class,
                () -> AtomicFiles.writeText(dir.resolve("sub"), w -> w.write("x")));
        assertEquals("it is a directory", directory.getMessage());
        assertEquals(List.of(dir.resolve("sub")), listing());
    }

    @Test
    void bytesGetTheOwnerOnlyModeAndTheGivenTime() throws IOException {
        Path file = dir.resolve("key.pem");
        FileTime time = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        AtomicFiles.write(file, new byte[] {1, 2, 3}, true, time);
        assertEquals(3, Files.size(file));
        assertEquals(time, Files.getLastModifiedTime(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void leftoversOfAKilledWriteAreSwept() throws IOException {
        Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "a.json-123"), "torn");
        Files.writeString(dir.resolve("a.json"), "{}");
        assertEquals(1, AtomicFiles.sweepTemporaryFiles(dir));
        assertEquals(List.of(dir.resolve("a.json")), listing());
        assertEquals(0, AtomicFiles.sweepTemporaryFiles(dir.resolve("missing")));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
