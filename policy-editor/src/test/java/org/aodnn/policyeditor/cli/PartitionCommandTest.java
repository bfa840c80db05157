package org.aodnn.policyeditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code aodnn partition} on real measurements: alexnet in the reference browser (TF.js wasm) against the
 * edge server's GPU, from CSV files cut out of the shared data, with the catalog of a temporary database.
 */
class PartitionCommandTest {

    @TempDir
    static Path dir;
    static Path db;
    static Path mobile;
    static Path edge;
    static DnnModel alexnet;

    @BeforeAll
    static void prepare() throws IOException {
        db = dir.resolve("wb");
        try (Store store = Store.open(db)) {
            alexnet = store.models().find("alexnet").orElseThrow();
        }
        // columns: model,layer_index,layer_name,target,threads,latency_ms,...,backend,browser
        mobile = SharedData.extract("browser-layer-latency.csv", dir.resolve("alexnet-wasm.csv"),
                f -> f.get(0).equals("alexnet") && f.get(21).equals("wasm"));
        edge = SharedData.extract("edge-layer-latency.csv", dir.resolve("alexnet-gpu.csv"),
                f -> f.get(0).equals("alexnet") && f.get(3).equals("gpu"));
    }

    private static List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--model", "alexnet",
                "--mobile-latency", mobile.toString(), "--edge-latency", edge.toString(),
                "--network", "wifi", "--up", "40", "--down", "150"));
        args.addAll(List.of(extra));
        return args;
    }

    private static JsonNode runJson(List<String> args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PartitionCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    private static CommandFailure failure(List<String> args) {
        PartitionCommand command = new PartitionCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return assertThrows(CommandFailure.class, command::call);
    }

    @Test
    void jsonHasTheShapeOfTheIssueAndAConsistentChoice() throws IOException {
        JsonNode doc = runJson(args("--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000", "--json"));
        assertEquals(List.of("model", "eta", "feasible", "chosen", "cuts", "baselines"), names(doc));
        assertEquals("alexnet", doc.get("model").asText());
        assertEquals(50.0, doc.get("eta").asDouble(), 1e-12, "eta defaults to T_max / E_max");
        assertEquals(List.of("k", "after_layer", "t_ms", "e_j", "objective"), names(doc.get("chosen")));
        assertEquals(List.of("edge_only", "local_only", "neuro_l", "neuro_e"), names(doc.get("baselines")));

        // alexnet: every layer has cut_after = 1, so the valid cuts are k = 0..19 in ascending order.
        JsonNode cuts = doc.get("cuts");
        assertEquals(alexnet.layers().size() + 1, cuts.size());
        double bestObjective = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int i = 0; i < cuts.size(); i++) {
            JsonNode cut = cuts.get(i);
            assertEquals(List.of("k", "after_layer", "t_ms", "e_j", "objective", "feasible", "parts"), names(cut));
            assertEquals(List.of("tw_ms", "te_ms", "load_ms", "up_ms", "ew_j", "load_j", "up_j"), names(cut.get("parts")));
            assertEquals(i, cut.get("k").asInt());
            if (i == 0) {
                assertTrue(cut.get("after_layer").isNull());
            } else {
                assertEquals(alexnet.layers().get(i - 1).layerName(), cut.get("after_layer").asText());
            }
            JsonNode p = cut.get("parts");
            double t = cut.get("t_ms").asDouble();
            double e = cut.get("e_j").asDouble();
            assertEquals(p.get("tw_ms").asDouble() + p.get("te_ms").asDouble() + p.get("load_ms").asDouble()
                    + p.get("up_ms").asDouble(), t, 1e-9 * t);
            assertEquals(p.get("ew_j").asDouble() + p.get("load_j").asDouble() + p.get("up_j").asDouble(), e, 1e-9 * e);
            assertEquals(t + 50 * e, cut.get("objective").asDouble(), 1e-9 * t);
            assertEquals(t < 1200 && e < 24, cut.get("feasible").asBoolean());
            if (cut.get("feasible").asBoolean() && cut.get("objective").asDouble() < bestObjective) {
                bestObjective = cut.get("objective").asDouble();
                bestK = i;
            }
        }
        assertTrue(doc.get("feasible").asBoolean());
        assertEquals(bestK, doc.get("chosen").get("k").asInt());
        assertEquals(0, doc.get("baselines").get("edge_only").asInt());
        assertEquals(19, doc.get("baselines").get("local_only").asInt());
        // Local-only downloads 244 MB of weights at 150 Mbit/s: about 13 s, far above the 1.2 s bound.
        assertFalse(cuts.get(19).get("feasible").asBoolean());
        assertEquals(8 * 4.0 * alexnet.totalParams() / 150e6 * 1000, cuts.get(19).get("parts").get("load_ms").asDouble(),
                1e-6);
    }

    @Test
    void cachedWeightsMakeLocalInferenceCheaperAndEtaCanBeSet() throws IOException {
        JsonNode cold = runJson(args("--t-max", "60000", "--e-max", "100", "--mobile-power-mw", "2000", "--json"));
        JsonNode warm = runJson(args("--t-max", "60000", "--e-max", "100", "--mobile-power-mw", "2000",
                "--weights-cached", "--eta", "0", "--json"));
        assertEquals(0.0, warm.get("eta").asDouble());
        JsonNode coldLocal = cold.get("cuts").get(19);
        JsonNode warmLocal = warm.get("cuts").get(19);
        assertEquals(0.0, warmLocal.get("parts").get("load_ms").asDouble());
        assertTrue(warmLocal.get("t_ms").asDouble() < coldLocal.get("t_ms").asDouble());
        assertEquals(warmLocal.get("t_ms").asDouble(), warmLocal.get("objective").asDouble(), 0.0, "eta 0: objective = T");
    }

    @Test
    void infeasibleBoundsAreAResultNotAnError() throws IOException {
        JsonNode doc = runJson(args("--t-max", "1", "--e-max", "0.001", "--mobile-power-mw", "2000", "--json"));
        assertFalse(doc.get("feasible").asBoolean());
        JsonNode chosen = doc.get("chosen");
        // the least violating cut: smallest summed excess over the bounds (T_max 1 ms, E_max 0.001 J)
        int leastViolating = -1;
        double least = Double.POSITIVE_INFINITY;
        for (JsonNode cut : doc.get("cuts")) {
            assertFalse(cut.get("feasible").asBoolean());
            double v = Math.max(0, cut.get("t_ms").asDouble() / 1 - 1) + Math.max(0, cut.get("e_j").asDouble() / 0.001 - 1);
            if (v < least) {
                least = v;
                leastViolating = cut.get("k").asInt();
            }
        }
        assertEquals(leastViolating, chosen.get("k").asInt());
    }

    @Test
    void inputBytesAndEnergyFileAreUsed() throws IOException {
        StringBuilder energy = new StringBuilder("layer_index,energy_j\n");
        for (int i = 0; i < alexnet.layers().size(); i++) {
            energy.append(i).append(',').append(0.5).append('\n');
        }
        Path energyFile = Files.writeString(dir.resolve("energy.csv"), energy);
        JsonNode doc = runJson(args("--t-max", "1200", "--e-max", "24", "--mobile-energy", energyFile.toString(),
                "--input-bytes", "50000", "--json"));
        assertEquals(2.0, doc.get("cuts").get(4).get("parts").get("ew_j").asDouble(), 1e-12);
        assertEquals(8 * 50000 / 40e6 * 1000, doc.get("cuts").get(0).get("parts").get("up_ms").asDouble(), 1e-9);
    }

    @Test
    void aStoredEnergyPredictorGivesTheMobileEnergy() throws IOException {
        // SYNTHETIC BY CONSTRUCTION (no real phone energy ships): wasm latencies of four other models at 1.5 W
        try (Store store = Store.open(db)) {
            List<org.aodnn.modelfitting.predictor.LayerSample> rows = new ArrayList<>();
            for (var m : store.measurements().find(org.aodnn.db.repo.MeasurementFilter.parse(List.of(
                    "platform=reference-browser", "backend=wasm", "model=resnet18", "model=vgg11", "model=squeezenet1_1",
                    "model=mobilenet_v2")))) {
                rows.add(new org.aodnn.modelfitting.predictor.LayerSample("browser/wasm", m.key().model(),
                        m.key().layerIndex(), m.layerName(), m.geometry(), 1, null, 1.5 * m.latencyMs()));
            }
            var doc = new org.aodnn.modelfitting.fit.PredictorFitter(
                    org.aodnn.modelfitting.fit.FitOptions.logLatency().withMaxDegree(2),
                    org.aodnn.modelfitting.predictor.Quantity.ENERGY).fit(rows,
                    org.aodnn.modelfitting.fit.FitMonitor.NONE).document();
            new org.aodnn.db.repo.PredictorRepository(store.dsl()).save(new org.aodnn.db.domain.StoredPredictor(
                    "phone-energy", "browser/wasm", doc.quantity(), 1, doc.fingerprint(),
                    org.aodnn.modelfitting.predictor.PredictorJson.write(doc), "{}", null), true);
        }
        JsonNode out = runJson(args("--t-max", "1200", "--e-max", "24", "--mobile-energy-predictor",
                "phone-energy:browser/wasm", "--weights-cached", "--json"));
        double expected;
        try (Store store = Store.open(db)) {
            var source = new org.aodnn.policyeditor.source.EnergySource.Predicted(
                    new org.aodnn.policyeditor.source.PredictorSource("phone-energy", "browser/wasm", 1));
            double[] joules = new org.aodnn.policyeditor.source.SourceResolver(store).energy(source, alexnet)
                    .perLayerJoules(new double[alexnet.layers().size()]);
            expected = java.util.Arrays.stream(joules).sum();
        }
        JsonNode cuts = out.get("cuts");
        JsonNode local = cuts.get(cuts.size() - 1);
        assertEquals(alexnet.layers().size(), local.get("k").asInt());
        assertEquals(expected, local.get("parts").get("ew_j").asDouble(), 1e-9 * expected);

        assertTrue(failure(args("--t-max", "1200", "--e-max", "24", "--mobile-energy-predictor", "phone-energy"))
                .getMessage().contains("--mobile-energy-predictor phone-energy: expected NAME:PLATFORM"));
        assertTrue(failure(args("--t-max", "1200", "--e-max", "24", "--mobile-energy-predictor", "gone:browser/wasm"))
                .getMessage().contains("no stored predictor named 'gone'"));
    }

    @Test
    void textOutputNamesTheChosenCut() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PartitionCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args("--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000")
                .toArray(String[]::new)));
        assertTrue(out.toString().startsWith("alexnet: chosen cut k="), out.toString());
        assertTrue(out.toString().contains("<- chosen"));
    }

    @Test
    void badInputsFailNamingWhatIsWrong() throws IOException {
        Path gappy = Files.writeString(dir.resolve("gappy.csv"), "layer_index,latency_ms\n0,1\n1,1\n");
        List<String> withGap = args("--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000");
        withGap.set(withGap.indexOf(mobile.toString()), gappy.toString());
        CommandFailure gap = failure(withGap);
        assertTrue(gap.getMessage().contains("gappy.csv") && gap.getMessage().contains("missing layer_index 2"),
                gap.getMessage());

        List<String> noModel = args("--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000");
        noModel.set(noModel.indexOf("alexnet"), "alexnet2");
        assertTrue(failure(noModel).getMessage().contains("alexnet2"));

        List<String> network = args("--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000");
        network.set(network.indexOf("wifi"), "5g");
        assertTrue(failure(network).getMessage().contains("--network 5g"));

        assertTrue(failure(args("--t-max", "0", "--e-max", "24", "--mobile-power-mw", "2000"))
                .getMessage().contains("--t-max"));
        assertTrue(failure(args("--t-max", "10", "--e-max", "24", "--mobile-power-mw", "2000", "--eta", "-1"))
                .getMessage().contains("--eta"));

        List<String> missingFile = args("--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000");
        missingFile.set(missingFile.indexOf(edge.toString()), dir.resolve("absent.csv").toString());
        assertTrue(failure(missingFile).getMessage().contains("absent.csv"));

        // Exactly one energy option.
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PartitionCommand());
        cli.setErr(new PrintWriter(err));
        assertNotEquals(0, cli.execute(args("--t-max", "1", "--e-max", "1").toArray(String[]::new)));
        assertTrue(err.toString().contains("--mobile-energy") || err.toString().contains("--mobile-power-mw"),
                err.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
