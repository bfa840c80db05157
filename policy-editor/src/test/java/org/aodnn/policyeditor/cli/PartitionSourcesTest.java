package org.aodnn.policyeditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.policyeditor.SharedData;
import org.aodnn.policyeditor.TinyPredictor;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.PredictorSource;
import org.aodnn.policyeditor.source.SourceResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code aodnn partition} with latencies (and energy) from what the database stores, as the Policy Editor
 * offers them: measured profiles ({@code profile:...}) and fitted predictors ({@code predictor:...}), next to
 * CSV files cut out of the same real measurements.
 */
class PartitionSourcesTest {

    static final String WASM = "profile:reference-browser:browser:wasm:1";
    static final String GPU = "profile:edge-server:gpu";

    @TempDir
    static Path dir;
    static Path db;
    static Path mobileCsv;
    static Path edgeCsv;
    static DnnModel alexnet;

    @BeforeAll
    static void prepare() throws IOException {
        db = dir.resolve("wb");
        try (Store store = Store.open(db)) {
            alexnet = store.models().find("alexnet").orElseThrow();
            TinyPredictor.store(store, "tiny");
            // SYNTHETIC BY CONSTRUCTION (no real phone energy ships with the data): alexnet's real wasm
            // latencies stored as a profile of a made-up platform whose energy is 1.5 W x latency.
            List<LayerMeasurement> rows = new ArrayList<>();
            for (LayerMeasurement m : store.measurements().find(MeasurementFilter.parse(List.of(
                    "platform=reference-browser", "backend=wasm", "model=alexnet")))) {
                MeasurementKey k = m.key();
                rows.add(new LayerMeasurement(new MeasurementKey("synthetic-phone", k.model(), k.layerIndex(),
                        k.target(), k.threads(), k.backend(), ""), m.layerName(), m.geometry(), m.latencyMs(), null,
                        null, null, m.reps(), null, 1.5 * m.latencyMs(), null, null));
            }
            store.measurements().upsertAll(rows);
        }
        mobileCsv = SharedData.extract("browser-layer-latency.csv", dir.resolve("alexnet-wasm.csv"),
                f -> f.get(0).equals("alexnet") && f.get(21).equals("wasm"));
        edgeCsv = SharedData.extract("edge-layer-latency.csv", dir.resolve("alexnet-gpu.csv"),
                f -> f.get(0).equals("alexnet") && f.get(3).equals("gpu"));
    }

    private static List<String> args(String mobile, String edge, String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--model", "alexnet",
                "--mobile-latency", mobile, "--edge-latency", edge, "--network", "wifi", "--up", "40",
                "--down", "150", "--t-max", "1200", "--e-max", "24"));
        args.addAll(List.of(extra));
        if (!args.contains("--mobile-energy") && !args.contains("--mobile-energy-predictor")) {
            args.addAll(List.of("--mobile-power-mw", "2000"));
        }
        args.add("--json");
        return args;
    }

    private static JsonNode ok(List<String> args) {
        Cli.Result r = Cli.run(new PartitionCommand(), args);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    private static String error(List<String> args) {
        Cli.Result r = Cli.run(new PartitionCommand(), args);
        assertEquals(1, r.code(), r.out());
        assertEquals("", r.out(), "a failed command prints no result");
        return r.err().strip();
    }

    @Test
    void storedProfilesGiveExactlyWhatTheirCsvFilesGive() {
        // the database's sample data was imported from the same shared files the CSVs are cut from
        JsonNode fromFiles = ok(args(mobileCsv.toString(), edgeCsv.toString()));
        assertEquals(fromFiles, ok(args(WASM, GPU)));
        assertEquals(fromFiles, ok(args(mobileCsv.toString(), GPU)), "a file and a profile mix");
        // the full key, as policy show and error messages write it, names the same profile
        assertEquals(fromFiles, ok(args("profile:reference-browser:browser:wasm:1:Chromium 156.0.8078.108",
                "profile:edge-server:gpu::0")));
    }

    @Test
    void storedPredictorsGiveTheirPredictedLatencies() {
        JsonNode doc = ok(args("predictor:tiny:browser/wasm", "predictor:tiny:gpu"));
        double tw;
        double te;
        double twAt4;
        try (Store store = Store.open(db)) {
            SourceResolver sources = new SourceResolver(store);
            tw = sum(sources.latencies(new PredictorSource("tiny", "browser/wasm", 1), alexnet).toArray());
            te = sum(sources.latencies(new PredictorSource("tiny", "gpu", 0), alexnet).toArray());
            twAt4 = sum(sources.latencies(new PredictorSource("tiny", "browser/wasm", 4), alexnet).toArray());
        }
        JsonNode cuts = doc.get("cuts");
        JsonNode local = cuts.get(cuts.size() - 1).get("parts");
        JsonNode edgeOnly = cuts.get(0).get("parts");
        assertEquals(tw, local.get("tw_ms").asDouble(), 1e-9 * tw, "THREADS defaults to 1 off a GPU");
        assertEquals(te, edgeOnly.get("te_ms").asDouble(), 1e-9 * te, "and to 0 on a GPU");
        JsonNode at4 = ok(args("predictor:tiny:browser/wasm:4", GPU));
        assertEquals(twAt4, at4.get("cuts").get(cuts.size() - 1).get("parts").get("tw_ms").asDouble(), 1e-9 * twAt4);
    }

    @Test
    void theMeasuredEnergyOfAStoredProfileIsTheMobileEnergy() {
        JsonNode doc = ok(args(WASM, GPU, "--mobile-energy", "profile:synthetic-phone:browser"));
        double expected;
        try (Store store = Store.open(db)) {
            expected = 1.5 * sum(new SourceResolver(store).latencies(
                    new MeasurementProfile("synthetic-phone", "browser", "wasm", "", 1), alexnet).toArray()) / 1000;
        }
        JsonNode cuts = doc.get("cuts");
        assertEquals(expected, cuts.get(cuts.size() - 1).get("parts").get("ew_j").asDouble(), 1e-9 * expected);

        String none = error(args(WASM, GPU, "--mobile-energy", WASM));
        assertTrue(none.startsWith("--mobile-energy " + WASM + ": no stored profile with measured energy matches"),
                none);
        assertTrue(none.contains("stored: profile:synthetic-phone:browser:wasm:1"), none);
        assertTrue(error(args(WASM, GPU, "--mobile-energy", "predictor:tiny:gpu"))
                .contains("--mobile-energy-predictor NAME:PLATFORM[:THREADS]"));
    }

    @Test
    void aSpecThatMatchesNoneOrSeveralProfilesListsWhatIsStored() {
        String several = error(args(WASM, "profile:edge-server:cpu"));
        assertTrue(several.startsWith("--edge-latency profile:edge-server:cpu: matches 4 stored measurement profiles"),
                several);
        for (int threads : new int[] {1, 2, 4, 16}) {
            assertTrue(several.contains("profile:edge-server:cpu::" + threads), several);
        }
        assertEquals(0, Cli.run(new PartitionCommand(), args(WASM, "profile:edge-server:cpu::16")).code());

        String none = error(args("profile:pixel-7:browser:wasm", GPU));
        assertTrue(none.startsWith("--mobile-latency profile:pixel-7:browser:wasm: no stored measurement profile matches"),
                none);
        assertTrue(none.contains("profile:edge-server:gpu::0") && none.contains(
                "profile:reference-browser:browser:wasm:1:Chromium 156.0.8078.108"), none);

        assertTrue(error(args("profile:reference-browser", GPU))
                .contains("expected profile:PLATFORM:TARGET[:BACKEND[:THREADS[:BROWSER]]]"));
        String threads = error(args(WASM, "profile:edge-server:gpu::two"));
        assertTrue(threads.contains("--edge-latency profile:edge-server:gpu::two: THREADS must be a whole number"),
                threads);
    }

    @Test
    void aProfileWithoutTheModelIsReportedUnderItsOption() {
        List<String> googlenet = args(WASM, GPU);
        googlenet.set(googlenet.indexOf("alexnet"), "googlenet"); // in the catalog, never measured
        String e = error(googlenet);
        assertTrue(e.startsWith("--mobile-latency " + WASM + ": profile reference-browser/browser/wasm/1"), e);
        assertTrue(e.contains("has no measurements of model googlenet"), e);
    }

    @Test
    void unknownOrMalformedPredictorsAreReportedUnderTheirOption() {
        String unknown = error(args(WASM, "predictor:gone:gpu"));
        assertTrue(unknown.startsWith("--edge-latency predictor:gone:gpu: no stored predictor named 'gone'"), unknown);
        assertTrue(unknown.contains("predictor:tiny:gpu:0"), unknown);

        String platform = error(args(WASM, "predictor:tiny:npu"));
        assertTrue(platform.startsWith("--edge-latency predictor:tiny:npu: stored predictor 'tiny' has no platform 'npu'"),
                platform);
        assertTrue(error(args("predictor:tiny", GPU)).contains(
                "--mobile-latency predictor:tiny: expected predictor:NAME:PLATFORM[:THREADS]"));
        assertTrue(error(args("predictor:tiny:gpu:-1", GPU)).contains("THREADS must be a whole number >= 0"));
        // an energy predictor is not a latency source
        String energy = error(args(WASM, GPU, "--mobile-energy-predictor", "tiny:browser/wasm"));
        assertTrue(energy.startsWith("--mobile-energy-predictor tiny:browser/wasm: no stored predictor named 'tiny'"
                + " among the energy predictors"), energy);
    }

    @Test
    void filesStillWorkAndAMissingOneIsNamed() {
        String missing = error(args(dir.resolve("absent.csv").toString(), GPU));
        assertTrue(missing.startsWith("--mobile-latency: ") && missing.contains("absent.csv"), missing);
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }
}
