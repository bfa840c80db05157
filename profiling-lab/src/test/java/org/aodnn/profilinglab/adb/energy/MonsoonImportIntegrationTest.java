package org.aodnn.profilinglab.adb.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.repo.PowerSampleRepository;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.profilinglab.adb.cli.EnergyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aodnn energy import-monsoon}: samples stored, energy attributed to the session's windows. */
class MonsoonImportIntegrationTest {

    static int run(String... args) {
        CommandLine cl = new CommandLine(new EnergyCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof CommandFailure f) {
                c.getErr().println(f.getMessage());
                return f.exitCode();
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Test
    void importsAndAttributes(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db/workbench");
        long session;
        long start = 1_700_000_000_000_000L;
        try (Store store = Store.open(db, false)) {
            ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
            session = sessions.start("adb:phone", "android-test", "wasm", "{}", 1);
            LayerGeometry g = new LayerGeometry("Conv2d", "1x3x8x8", "1x4x8x8", 192, 256, 3, 4, 3, 3, 1, 1, 1, 112, 7168);
            sessions.recordLayer(session, new LayerMeasurement(new MeasurementKey("android-test", "m", 0, "browser", 8,
                    "wasm", "Chrome 120"), "conv", g, 10.0, 9.0, 11.0, 0.5, 10, null, null, null, session));
            new SessionEnergy(store).saveWindows(session,
                    List.of(new LayerWindow("m", 0, "wasm", start + 2_000_000, start + 3_000_000, 10)));
        }
        // 2 s idle at 1 W, then 1 s at 3 W (the layer), sampled every 100 ms.
        StringBuilder csv = new StringBuilder("Time(ms),Main(mA),Main Voltage(V)\n");
        for (int i = 0; i <= 40; i++) {
            double w = i >= 20 && i <= 30 ? 3.0 : 1.0;
            csv.append(i * 100).append(',').append(w / 4.0 * 1000).append(",4.0\n");
        }
        Path file = tmp.resolve("capture.csv");
        Files.writeString(file, csv);
        String startIso = java.time.Instant.ofEpochSecond(start / 1_000_000).toString();
        assertEquals(0, run("import-monsoon", file.toString(), "--session", String.valueOf(session),
                "--capture-start", startIso, "--db", db.toString()));
        try (Store store = Store.open(db, false)) {
            assertEquals(41, new PowerSampleRepository(store.dsl()).count(session, SessionEnergy.SOURCE_MONSOON));
            LayerMeasurement m = store.measurements().findBySession(session).get(0);
            // 2 W above the 1 W baseline for 1 s, over 10 runs: 200 mJ per run.
            assertEquals(200.0, m.energyMj(), 1.0);
        }
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "Time(ms),Main(mA),Main Voltage(V)\n0,1,4\n1,x,4\n");
        assertEquals(1, run("import-monsoon", bad.toString(), "--session", String.valueOf(session), "--db", db.toString()));
        assertEquals(1, run("import-monsoon", file.toString(), "--session", "999", "--db", db.toString()));
        try (Store store = Store.open(db, false)) {
            assertEquals(41, new PowerSampleRepository(store.dsl()).count(session, SessionEnergy.SOURCE_MONSOON),
                    "a bad file stores nothing");
        }
        // the same capture again replaces the first import instead of counting its samples twice
        assertEquals(0, run("import-monsoon", file.toString(), "--session", String.valueOf(session),
                "--capture-start", startIso, "--db", db.toString()));
        try (Store store = Store.open(db, false)) {
            assertEquals(41, new PowerSampleRepository(store.dsl()).count(session, SessionEnergy.SOURCE_MONSOON));
            assertEquals(200.0, store.measurements().findBySession(session).get(0).energyMj(), 1.0);
        }
    }
}
