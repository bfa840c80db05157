package org.aodnn.profilinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.Json;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code aodnn profile}, as a real SIGINT to a real process profiling in real headless Chromium:
 * the session is stored as interrupted with the rows measured before, {@code --out} is written, the JSON document
 * says why, and the command exits 2. (It used to exit 130 with the session left running, no JSON and no file:
 * H2's own shutdown hook closed the database under the command's.)
 */
class ProfileInterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCStoresTheSessionAsInterruptedWritesOutAndExitsTwo() throws Exception {
        Path db = dir.resolve("workbench");
        Store.open(db).close(); // schema and catalog ready, so polling below only reads
        Path csv = dir.resolve("rows.csv");
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // started from a shell that ignores SIGINT (a background job): the child would inherit that
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ProfileCommand.class.getName(), "--db", db.toString(), "--target", "local-chromium",
                "--model", "mobilenet_v2", "--backend", "cpu", "--warmup", "1", "--reps", "3", "--min-time-ms", "60",
                "--out", csv.toString(), "--json"));
        Path out = dir.resolve("profile.out");
        Path err = dir.resolve("profile.err");
        Process profile = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            ProfilingSessionInfo running = awaitRows(db, profile, err);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(profile.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(profile.waitFor(60, TimeUnit.SECONDS), "profile did not end after the Ctrl-C");
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(2, profile.exitValue(), stderr);
            assertTrue(stderr.contains("interrupted by SIGINT: ending the session"), stderr);

            JsonNode doc = Json.MAPPER.readTree(Files.readString(out, StandardCharsets.UTF_8));
            assertEquals(running.id(), doc.get("sessionId").asLong());
            assertEquals("interrupted", doc.get("status").asText());
            assertEquals("SIGINT", doc.get("interrupted").asText());
            assertTrue(doc.get("message").asText().startsWith("interrupted by SIGINT after "), doc.toString());
            int rows = doc.get("rows").asInt();
            assertTrue(rows >= running.layersMeasured() && rows < doc.get("plannedResults").asInt(), doc.toString());
            assertEquals(rows, CsvTable.read(csv).rows().size(), "--out holds the session's rows");
            try (Store store = Store.open(db)) {
                ProfilingSessionInfo ended = new ProfilingSessionRepository(store.dsl()).find(running.id()).orElseThrow();
                assertEquals(ProfilingStatus.INTERRUPTED, ended.status());
                assertEquals(doc.get("message").asText(), ended.message());
                assertEquals(rows, store.measurements().findBySession(running.id()).size());
            }
        } finally {
            profile.destroyForcibly();
        }
    }

    /** The running session once it has stored a few rows (the child's database, read through AUTO_SERVER). */
    private static ProfilingSessionInfo awaitRows(Path db, Process profile, Path err) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // the child must own the file (H2's lock file) before this process opens it as a second client: opened
        // the other way round, the child could not open it
        Path lock = db.resolveSibling(db.getFileName() + ".lock.db");
        while (!Files.exists(lock) && System.nanoTime() < end) {
            assertTrue(profile.isAlive(), () -> "profile ended early: " + read(err));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        TimeUnit.SECONDS.sleep(1);
        while (System.nanoTime() < end) {
            assertTrue(profile.isAlive(), () -> "profile ended early: " + read(err));
            Optional<ProfilingSessionInfo> session;
            try (Store store = Store.open(db)) {
                session = new ProfilingSessionRepository(store.dsl()).list().stream()
                        .filter(s -> s.status() == ProfilingStatus.RUNNING && s.layersMeasured() >= 3).findFirst();
            } catch (StoreException e) {
                session = Optional.empty(); // the child is still opening it
            }
            if (session.isPresent()) {
                return session.get();
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError("no rows stored within 120 s: " + read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn), which a child it starts would inherit. */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: assume the default
        }
        return false;
    }
}
