package org.aodnn.db.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDirectoryOrADirectoryTargetIsRefusedNamingTheOption() throws Exception {
        OutputFile.requireWritable("--out", dir.resolve("p.json")); // fine: the directory exists
        CommandFailure missing = assertThrows(CommandFailure.class,
                () -> OutputFile.requireWritable("--out", dir.resolve("nope/p.json")));
        assertEquals("--out " + dir.resolve("nope/p.json") + ": the directory " + dir.resolve("nope")
                + " does not exist", missing.getMessage());
        assertEquals(1, missing.exitCode(), "the command cannot do its work (not a malformed command line)");
        Files.createDirectory(dir.resolve("sub"));
        CommandFailure directory = assertThrows(CommandFailure.class,
                () -> OutputFile.requireWritable("--out", dir.resolve("sub")));
        assertEquals("--out " + dir.resolve("sub") + ": is a directory, not a file", directory.getMessage());
    }
}
