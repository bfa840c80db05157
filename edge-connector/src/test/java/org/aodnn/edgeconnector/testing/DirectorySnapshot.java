package org.aodnn.edgeconnector.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.aodnn.edgeconnector.manifest.ManifestDigest;

/** Every file under a directory with the hash of its content (the log file excluded): "nothing was stored". */
public final class DirectorySnapshot {

    private DirectorySnapshot() {
    }

    public static Map<String, String> of(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals("agent.log")) {
                    files.put(dir.relativize(p).toString(), ManifestDigest.sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
