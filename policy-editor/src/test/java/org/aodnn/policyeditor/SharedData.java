package org.aodnn.policyeditor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The project's real measurements (system property {@code aodnn.shared.data}), cut down for a test. */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String dir = System.getProperty("aodnn.shared.data");
        if (dir == null) {
            throw new IllegalStateException("system property aodnn.shared.data is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    /**
     * Writes the header and the rows of {@code file} (a shared CSV) for which {@code keep} holds on the
     * split fields to {@code target}: a real per-layer file as an operator would pass to the CLI.
     */
    public static Path extract(String file, Path target, Predicate<List<String>> keep) throws IOException {
        List<String> lines = Files.readAllLines(dir().resolve(file));
        try (Stream<String> body = lines.stream().skip(1)) {
            List<String> kept = body.filter(l -> keep.test(List.of(l.split(",", -1)))).collect(Collectors.toList());
            kept.add(0, lines.get(0));
            Files.write(target, kept);
        }
        return target;
    }
}
