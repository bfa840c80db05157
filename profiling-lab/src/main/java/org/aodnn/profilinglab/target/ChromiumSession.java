package org.aodnn.profilinglab.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A running local Chromium; closing it ends its whole process tree and deletes its profile directory. */
final class ChromiumSession implements TargetSession {

    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Process process;
    private final Path profile;
    private final Path log;
    /** Every process of the tree seen so far: if the browser dies first, its orphans can still be ended. */
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private volatile String lastDiagnostics = "";
    private boolean closed;

    ChromiumSession(Process process, Path profile, Path log) {
        this.process = process;
        this.profile = profile;
        this.log = log;
    }

    @Override
    public boolean isAlive() {
        remember();
        return process.isAlive();
    }

    private void remember() {
        process.toHandle().descendants().forEach(seen::add);
    }

    @Override
    public String describe() {
        return "chromium pid " + process.pid();
    }

    @Override
    public OptionalLong processId() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public String diagnostics() {
        if (closed) {
            return lastDiagnostics;
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        remember();
        ProcessTrees.destroy(process.toHandle(), GRACE);
        // Children the browser left behind when it died (re-parented, so no longer its descendants).
        for (ProcessHandle orphan : seen) {
            if (orphan.isAlive()) {
                ProcessTrees.destroy(orphan, GRACE);
            }
        }
        lastDiagnostics = diagnostics();
        closed = true;
        deleteQuietly(profile);
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temp file is not worth failing a session for
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
