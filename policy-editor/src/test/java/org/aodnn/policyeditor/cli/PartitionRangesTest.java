package org.aodnn.policyeditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.source.LayerValuesCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd numbers never turn into NaN or Infinity printed as a result: options outside their physical range
 * fail naming the flag, and a source whose values overflow the sums fails instead of printing.
 */
class PartitionRangesTest {

    @TempDir
    static Path dir;
    static Path db;
    static DnnModel alexnet;

    @BeforeAll
    static void prepare() {
        db = dir.resolve("wb");
        try (Store store = Store.open(db)) {
            alexnet = store.models().find("alexnet").orElseThrow();
        }
    }

    /** Sane defaults from the stored profiles; {@code overrides} are option/value pairs replacing or adding. */
    private static List<String> args(String... overrides) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--model", "alexnet",
                "--mobile-latency", "profile:reference-browser:browser:wasm:1", "--edge-latency",
                "profile:edge-server:gpu", "--network", "wifi", "--up", "40", "--down", "150", "--t-max", "1200",
                "--e-max", "24"));
        boolean energyGiven = false;
        for (int i = 0; i < overrides.length; i++) {
            String option = overrides[i];
            energyGiven |= option.startsWith("--mobile-energy") || option.equals("--mobile-power-mw");
            int at = args.indexOf(option);
            boolean flag = option.equals("--weights-cached") || option.equals("--json");
            if (flag) {
                args.add(option);
            } else if (at >= 0) {
                args.set(at + 1, overrides[++i]);
            } else {
                args.add(option);
                args.add(overrides[++i]);
            }
        }
        if (!energyGiven) {
            args.addAll(List.of("--mobile-power-mw", "2000"));
        }
        return args;
    }

    /** An option out of its range: bad usage, exit 2. */
    private static String error(String... overrides) {
        return failure(2, overrides);
    }

    /** Options each in range whose results overflow: the command cannot do its work, exit 1. */
    private static String overflow(String... overrides) {
        return failure(1, overrides);
    }

    private static String failure(int code, String... overrides) {
        Cli.Result r = Cli.run(new PartitionCommand(), args(overrides));
        assertEquals(code, r.code(), r.err());
        assertEquals("", r.out(), "nothing is printed as a result");
        return r.err().strip();
    }

    private static void assertStarts(String prefix, String actual) {
        assertTrue(actual.startsWith(prefix), () -> "expected to start with <" + prefix + "> but was <" + actual + ">");
    }

    @Test
    void theReviewsAbsurdNumbersFailNamingTheFlag() {
        assertEquals("--up 1e+308: must be a finite number from 0.001 to 1000000 Mbit/s", error("--up", "1e308"));
        assertStarts("--t-max 1e+308: must be", error("--t-max", "1e308", "--e-max", "1e-308"));
        assertEquals("--e-max 1e-308: must be a finite number from 1e-06 to 1000000 J", error("--e-max", "1e-308"));
        assertEquals("--mobile-power-mw 1e+308: must be a finite number from 0 to 100000 mW",
                error("--mobile-power-mw", "1e308"));
    }

    @Test
    void everyNumericOptionIsRangeChecked() {
        assertStarts("--down 1e+07: must be a finite number", error("--down", "1e7"));
        assertStarts("--down 0: must be", error("--down", "0"));
        assertStarts("--up NaN: must be a finite number", error("--up", "NaN"));
        assertStarts("--up Infinity: must be a finite number", error("--up", "Infinity"));
        assertStarts("--t-max -5: must be", error("--t-max", "-5"));
        assertStarts("--e-max 2000000: must be", error("--e-max", "2e6"));
        assertStarts("--eta 1e+300: must be a finite number from 0 to 1e+15 ms/J", error("--eta", "1e300"));
        assertStarts("--eta -1: must be", error("--eta", "-1"));
        assertStarts("--mobile-power-mw -1: must be", error("--mobile-power-mw", "-1"));
        assertEquals("--input-bytes 2000000000000: must be from 1 to 1000000000000 bytes",
                error("--input-bytes", "2000000000000"));
        assertStarts("--input-bytes 0: must be from 1", error("--input-bytes", "0"));
    }

    @Test
    void theEdgesOfTheRangesGiveFiniteResults() {
        for (List<String> args : List.of(
                args("--up", "1e6", "--down", "1e-3", "--t-max", "1e9", "--e-max", "1e-6", "--mobile-power-mw", "1e5",
                        "--json"),
                args("--up", "1e-3", "--down", "1e6", "--t-max", "1e-3", "--e-max", "1e6", "--eta", "1e15",
                        "--input-bytes", "1000000000000", "--json"))) {
            Cli.Result r = Cli.run(new PartitionCommand(), args);
            assertEquals(0, r.code(), r.err());
            assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
            JsonNode chosen = r.json().get("chosen");
            assertTrue(Double.isFinite(chosen.get("objective").asDouble()), chosen.toString());
        }
    }

    @Test
    void aGainOverAChosenCutOfZeroEnergyIsNotPrintedAsInfinity() {
        // no compute power, weights cached, energy all that counts: local inference costs 0 J and is chosen
        Cli.Result r = Cli.run(new PartitionCommand(), args("--mobile-power-mw", "0", "--weights-cached", "--eta",
                "1e6", "--t-max", "1e9", "--e-max", "1e6"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("alexnet: chosen cut k=19 "), r.out());
        assertTrue(r.out().contains("energy x n/a"), r.out());
        assertFalse(r.out().contains("Infinity") || r.out().contains("NaN"), r.out());
    }

    @Test
    void aSourceThatOverflowsTheSumsFailsInsteadOfPrinting() throws IOException {
        // 19 layers of 1e307 ms each: every value is finite, the sum of all of them is not
        double[] huge = new double[alexnet.layers().size()];
        java.util.Arrays.fill(huge, 1e307);
        Path latency = Files.writeString(dir.resolve("huge.csv"), LayerValuesCsv.write(alexnet, "latency_ms", huge));
        Path energy = Files.writeString(dir.resolve("zero-energy.csv"),
                LayerValuesCsv.write(alexnet, "energy_j", new double[alexnet.layers().size()]));
        String e = overflow("--mobile-latency", latency.toString(), "--mobile-energy", energy.toString(), "--json");
        assertStarts("alexnet: no finite result: T (ms) of cut k=", e);
        assertTrue(e.contains("is Infinity"), e);

        // with a compute power, the per-layer energy P x tw overflows first: both options are named
        assertEquals("--mobile-power-mw 2000 x --mobile-latency " + latency + ": layer 0 (features.0) takes 1e+307"
                + " ms, which gives no finite energy; the latency source holds values too large",
                overflow("--mobile-latency", latency.toString()));
    }
}
