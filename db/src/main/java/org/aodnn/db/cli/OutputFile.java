package org.aodnn.db.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an output file option before a command does its slow work (a fit, a profiling session), so a typo in
 * the path fails at once instead of after minutes, with nothing stored.
 */
public final class OutputFile {

    private OutputFile() {
    }

    /** Fails naming {@code option} unless {@code file} can be written: its directory exists and is writable. */
    public static void requireWritable(String option, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new CommandFailure(option + " " + file + ": is a directory, not a file");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandFailure(option + " " + file + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new CommandFailure(option + " " + file + ": cannot write in " + dir);
        }
    }
}
