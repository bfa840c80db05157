package org.aodnn.profilinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.domain.SessionOwner;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.repo.SessionOwnerRepository;
import org.aodnn.profilinglab.adb.run.PhoneEnergyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aodnn profile} end to end: real headless Chromium, real H2 file, CSV written and read back. */
class ProfileCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ProfileCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                // As the app does: an operator error is one line on stderr.
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof CommandFailure f) {
                        cmd.getErr().println(f.getMessage());
                        return f.exitCode();
                    }
                    throw e;
                });
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aProfileRunMarksOnlySessionsOfDeadConsolesOfThisComputer() throws Exception {
        Path db = dir.resolve("workbench");
        Process died = new ProcessBuilder("true").start();
        died.waitFor();
        long dead;
        long remote;
        long mine;
        try (Store store = Store.open(db)) {
            SessionOwnerRepository owners = new SessionOwnerRepository(store.dsl());
            dead = owners.start("local-chromium", "local-chromium", "cpu", "{}", 3,
                    new SessionOwner(SessionOwner.thisHost(), died.pid(), java.time.Instant.now()));
            remote = owners.start("local-chromium", "local-chromium", "cpu", "{}", 3,
                    new SessionOwner("lab-pc-2.example", died.pid(), null));
            // the window of this very process, profiling on the same database at the same time
            mine = owners.start("local-chromium", "local-chromium", "cpu", "{}", 3, SessionOwner.current());
        }

        Run r = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1",
                "--layers", "0", "--backend", "cpu", "--warmup", "1", "--reps", "2", "--min-time-ms", "10", "--json");

        assertEquals(0, r.exit(), r.err());
        try (Store store = Store.open(db)) {
            ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
            assertEquals(ProfilingStatus.INTERRUPTED, sessions.find(dead).orElseThrow().status());
            assertEquals(ProfilingStatus.RUNNING, sessions.find(remote).orElseThrow().status(), "another computer's");
            assertEquals(ProfilingStatus.RUNNING, sessions.find(mine).orElseThrow().status(), "a live process's");
            long id = Json.MAPPER.readTree(r.out()).get("sessionId").asLong();
            assertEquals(SessionOwner.current(), new SessionOwnerRepository(store.dsl()).runningOwners().get(mine));
            assertEquals(ProfilingStatus.COMPLETED, sessions.find(id).orElseThrow().status());
        }
    }

    @Test
    void profilesSqueezenetOnCpuAndWasmAndWritesTheLayerCsv() throws Exception {
        Path db = dir.resolve("workbench");
        Path csv = dir.resolve("squeezenet-browser.csv");
        Run r = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1",
                "--backend", "cpu,wasm", "--warmup", "1", "--reps", "3", "--min-time-ms", "10",
                "--out", csv.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals("completed", doc.get("status").asText());
        assertEquals(112, doc.get("rows").asInt());
        assertEquals(56, doc.get("rowsByBackend").get("cpu").asInt());
        assertEquals(56, doc.get("rowsByBackend").get("wasm").asInt());
        assertEquals(0, doc.get("skipped").asInt());
        long sessionId = doc.get("sessionId").asLong();
        Map<String, Integer> reportedThreads = new java.util.HashMap<>();
        doc.get("backends").forEach(b -> reportedThreads.put(b.get("backend").asText(), b.get("threads").asInt()));

        try (Store store = Store.open(db)) {
            assertEquals(ProfilingStatus.COMPLETED,
                    new ProfilingSessionRepository(store.dsl()).find(sessionId).orElseThrow().status());
            List<LayerMeasurement> rows = store.measurements().findBySession(sessionId);
            assertEquals(112, rows.size());
            rows.forEach(m -> assertTrue(m.latencyMs() > 0, m.toString()));
            // the stored threads are the ones the report gives for the row's backend
            rows.forEach(m -> assertEquals(reportedThreads.get(m.key().backend()), m.key().threads(), m.toString()));
            Map<String, List<LayerMeasurement>> convs = rows.stream()
                    .filter(m -> m.geometry().layerType().equals("Conv2d"))
                    .collect(Collectors.groupingBy(m -> m.key().backend()));
            for (var e : convs.entrySet()) {
                double rho = org.aodnn.profilinglab.session.Spearman.correlation(
                        e.getValue().stream().mapToDouble(m -> m.geometry().flops()).toArray(),
                        e.getValue().stream().mapToDouble(LayerMeasurement::latencyMs).toArray());
                assertTrue(rho > 0.7, e.getKey() + ": convolution latency vs FLOPs rank correlation " + rho);
            }
            // WebAssembly (XNNPACK) beats TF.js's pure JavaScript kernels on the big convolutions.
            List<LayerMeasurement> bigCpu = new ArrayList<>(convs.get("cpu"));
            bigCpu.sort(Comparator.comparingLong((LayerMeasurement m) -> m.geometry().flops()).reversed());
            for (LayerMeasurement cpu : bigCpu.subList(0, 5)) {
                LayerMeasurement wasm = convs.get("wasm").stream()
                        .filter(m -> m.key().layerIndex() == cpu.key().layerIndex()).findFirst().orElseThrow();
                assertTrue(wasm.latencyMs() < cpu.latencyMs(), "layer " + cpu.key().layerIndex() + ": wasm "
                        + wasm.latencyMs() + " ms vs cpu " + cpu.latencyMs() + " ms");
            }
        }

        // The CSV is the import format: target=browser, backend and browser columns, geometry from the catalog.
        List<LayerMeasurement> fromCsv = LayerCsv.readMeasurements(CsvTable.read(csv), (t, b) -> "unused");
        assertEquals(112, fromCsv.size());
        LayerMeasurement first = fromCsv.get(0);
        assertEquals("browser", first.key().target());
        assertEquals("local-chromium", first.key().platform());
        assertTrue(first.key().browser().startsWith("Chromium "));
        assertFalse(first.key().backend().isEmpty());
        assertTrue(Files.readString(csv).startsWith("model,layer_index,layer_name,target,threads,latency_ms,reps,layer_type"));
    }

    @Test
    void operatorErrorsAreOneClearLine() {
        Path db = dir.resolve("errors");
        Run missing = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1",
                "--chromium", dir.resolve("nope").toString());
        assertEquals(1, missing.exit(), missing.err());
        assertTrue(missing.err().contains("Debian package 'chromium'"), missing.err());
        assertFalse(Files.exists(dir.resolve("errors.mv.db")), "nothing stored when the browser is missing");

        Run badBackend = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1",
                "--backend", "cpu,cuda");
        assertEquals(2, badBackend.exit(), badBackend.err());
        assertTrue(badBackend.err().contains("backend 'cuda'"), badBackend.err());

        Run badTarget = run("--db", db.toString(), "--target", "phone", "--model", "squeezenet1_1");
        assertTrue(badTarget.err().contains("unknown profiling target 'phone'"), badTarget.err());

        Run badLayers = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1",
                "--layers", "50-99");
        assertEquals(2, badLayers.exit(), badLayers.err());
        assertTrue(badLayers.err().contains("layers 0-55"), badLayers.err());

        Run badModel = run("--db", db.toString(), "--target", "local-chromium", "--model", "nosuchnet");
        assertTrue(badModel.err().contains("no model named 'nosuchnet'"), badModel.err());
    }

    @Test
    void numbersOutOfRangeAreBadUsageNamingTheOption() {
        Path db = dir.resolve("ranges");
        String[][] cases = {
            {"--port", "70000", "--port 70000 is out of range (0..65535)"},
            {"--port", "-1", "--port -1 is out of range (0..65535)"},
            {"--warmup", "-1", "--warmup -1 is out of range (0..1000)"},
            {"--reps", "0", "--reps 0 is out of range (1..10000)"},
            {"--max-runs", "2", "--max-runs 2 must be at least --reps (3)"},
            {"--min-time-ms", "-5", "--min-time-ms -5.0 is out of range (0..600000)"},
            {"--wasm-threads", "999", "--wasm-threads 999 is out of range (0..256)"},
            {"--silence-timeout", "0", "--silence-timeout 0 is out of range (1..86400)"},
        };
        for (String[] c : cases) {
            Run r = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1", c[0], c[1]);
            assertEquals(2, r.exit(), c[0] + " " + c[1] + ": " + r.err());
            assertEquals(c[2], r.err().strip());
        }
        assertFalse(Files.exists(dir.resolve("ranges.mv.db")), "nothing stored on bad usage");
    }

    @Test
    void aPortInUseIsSaidInWordsAndStoredWithoutJavaNames() throws Exception {
        Path db = dir.resolve("port");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = run("--db", db.toString(), "--target", "local-chromium", "--model", "squeezenet1_1",
                    "--layers", "0", "--backend", "cpu", "--port", String.valueOf(port));
            assertEquals(1, r.exit(), r.err());
            String words = "port " + port + " is in use: choose another with --port";
            assertTrue(r.err().contains(words), r.err());
            try (Store store = Store.open(db)) {
                var stored = new ProfilingSessionRepository(store.dsl()).list();
                assertEquals(1, stored.size());
                assertEquals(ProfilingStatus.FAILED, stored.get(0).status());
                String message = stored.get(0).message();
                assertTrue(message.contains(words), message);
                assertFalse(message.contains("java.") || message.contains("Exception"), message);
            }
        }
    }

    @Test
    void thePhoneRunsEnergyIsSummedUpInOneLine() {
        assertEquals("energy (simulated battery): 40 battery samples at 10.0 Hz, idle baseline 812 mW, 11 of 12 layers"
                + " with energy, 1 throttled", ProfileCommand.energyLine(
                new PhoneEnergyRun.Result(40, 10.0, 812.4, 12, 11, 1, false, true)));
        assertEquals("energy: 40 battery samples at 10.0 Hz, idle baseline unknown, 0 of 12 layers with energy,"
                + " 0 throttled; the phone was charging while measuring", ProfileCommand.energyLine(
                new PhoneEnergyRun.Result(40, 10.0, null, 12, 0, 0, true, false)));
        assertEquals("energy: no battery samples (energy not measured)", ProfileCommand.energyLine(
                new PhoneEnergyRun.Result(0, 0, null, 0, 0, 0, false, false)));
    }
}
