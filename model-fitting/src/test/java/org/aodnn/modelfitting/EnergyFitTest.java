package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.modelfitting.cli.FitCommand;
import org.aodnn.modelfitting.cli.PredictCommand;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.MetricsRow;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerFamily;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorFormatException;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Energy predictors end to end. No real phone energy data ships with the project, so the energy values
 * here are SYNTHETIC BY CONSTRUCTION, derived from real latency rows (edge-layer-latency.csv): energy of a
 * layer = its measured latency x a per-platform average power + a per-family fixed cost (kernel launch,
 * memory set-up), i.e. {@code E = P * t + c}. 1 W for 1 ms is 1 mJ. Every 5th row is left without energy,
 * as a store mixing phone runs that read the battery with runs that did not would have them.
 */
public class EnergyFitTest {

    /** Average power while running a layer (W), per platform. */
    static final Map<String, Double> POWER_W = Map.of("cpu", 2.5, "gpu", 4.0);

    /** Fixed energy per layer (mJ), per family. */
    static double familyCostMj(LayerFamily f) {
        return switch (f) {
            case CONVOLUTION, DEPTHWISE_CONVOLUTION, GROUPED_CONVOLUTION -> 0.020;
            case FULLY_CONNECTED -> 0.010;
            default -> 0.004;
        };
    }

    static final Set<String> MODELS = Set.of("alexnet", "resnet18", "mobilenet_v2", "squeezenet1_1");

    @TempDir
    Path dir;

    /** Real latency rows (cpu at 1 thread, gpu) with synthetic energy; every 5th row without energy. */
    public static List<LayerMeasurement> rowsWithEnergy() throws Exception {
        CsvTable table = CsvTable.read(TestData.edgeCsv());
        List<LayerMeasurement> out = new ArrayList<>();
        int i = 0;
        for (LayerMeasurement m : LayerCsv.readMeasurements(table, Platforms::of)) {
            boolean keep = MODELS.contains(m.key().model())
                    && (m.key().target().equals("gpu") || m.key().threads() == 1);
            if (!keep) {
                continue;
            }
            Double energy = i++ % 5 == 4 ? null : energyMj(m);
            out.add(new LayerMeasurement(m.key(), m.layerName(), m.geometry(), m.latencyMs(), null, null, null,
                    m.reps(), null, energy, null, null));
        }
        return out;
    }

    static double energyMj(LayerMeasurement m) {
        return POWER_W.get(m.key().platform()) * m.latencyMs() + familyCostMj(LayerFamily.of(m.geometry()));
    }

    Path energyCsv() throws Exception {
        Path csv = dir.resolve("phone-energy.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            LayerCsv.writeMeasurements(rowsWithEnergy(), w);
        }
        return csv;
    }

    @Test
    void energyPredictorRecoversPowerTimesLatencyPlusFamilyCost() throws Exception {
        Path csv = energyCsv();
        MeasurementFiles.Selection energy = MeasurementFiles.read(List.of(csv), RowFilter.parse(List.of()), Quantity.ENERGY);
        MeasurementFiles.Selection latency = MeasurementFiles.read(List.of(csv), RowFilter.parse(List.of()), Quantity.LATENCY);
        assertEquals(latency.rows().size(), energy.matched());
        assertEquals(energy.matched() - energy.rows().size(), energy.withoutValue());
        assertTrue(energy.withoutValue() > 0 && energy.rows().size() > 4 * energy.withoutValue() - 5, energy.toString());
        assertEquals(0, latency.withoutValue());

        FitOutcome e = new FitTask(energy.rows(), FitOptions.logLatency(), Quantity.ENERGY, Map.of(), false)
                .run(ProgressListener.NONE);
        FitOutcome t = new FitTask(latency.rows(), FitOptions.logLatency(), Map.of(), false).run(ProgressListener.NONE);
        assertEquals("energy_mj", e.document().quantity());
        assertEquals(Quantity.ENERGY, e.document().quantityKind());
        assertEquals("latency_ms", t.document().quantity());

        // The energy predictor should agree with P * (latency prediction) + c on every layer, measured or not.
        PredictorEvaluator ev = new PredictorEvaluator(e.document());
        PredictorEvaluator lt = new PredictorEvaluator(t.document());
        double[] rel = new double[latency.rows().size()];
        for (int i = 0; i < rel.length; i++) {
            LayerSample s = latency.rows().get(i);
            double implied = POWER_W.get(s.platform()) * lt.predict(s).ms() + familyCostMj(s.family());
            rel[i] = Math.abs(ev.predict(s).ms() / implied - 1);
        }
        Arrays.sort(rel);
        double median = rel[rel.length / 2];
        assertTrue(median < 0.05, "median disagreement with P*t+c: " + median);

        // Accuracy against the (synthetic) measured energy, in the energy floor (every layer > 0 mJ).
        for (String platform : List.of("cpu", "gpu")) {
            MetricsRow r = e.inSample().metric("predictor", platform, EvaluationReport.ALL);
            assertEquals(0.0, r.layer().floorMs());
            assertEquals(r.layer().rows(), r.layer().rowsAboveFloor(), "every synthetic energy is > 0");
            assertTrue(r.layer().medianApe() < 0.10, platform + " median APE " + r.layer().medianApe());
            assertTrue(e.inSample().modelLevel("predictor", platform).within10() >= 0.75,
                    platform + " model-level share " + e.inSample().modelLevel("predictor", platform));
        }
        // Latency keeps its own floor (0.05 ms on cpu).
        assertEquals(0.05, t.inSample().metric("predictor", "cpu", EvaluationReport.ALL).layer().floorMs());
    }

    @Test
    void energyDocumentRoundTripsAndUnknownQuantitiesAreRejected() throws Exception {
        List<LayerSample> rows = MeasurementFiles.read(List.of(energyCsv()), RowFilter.parse(List.of("target=gpu")),
                Quantity.ENERGY).rows();
        PredictorDocument doc = new FitTask(rows, FitOptions.logLatency(), Quantity.ENERGY, Map.of(), false)
                .run(ProgressListener.NONE).document();
        String json = PredictorJson.write(doc);
        PredictorDocument back = PredictorJson.read("energy.json", json);
        assertEquals("energy_mj", back.quantity());
        assertEquals(json, PredictorJson.write(back));
        PredictorEvaluator a = new PredictorEvaluator(doc);
        PredictorEvaluator b = new PredictorEvaluator(back);
        for (LayerSample s : rows) {
            assertEquals(a.predict(s).ms(), b.predict(s).ms());
        }
        String wrong = json.replace("\"energy_mj\"", "\"power_w\"");
        assertFalse(wrong.equals(json));
        PredictorFormatException ex = assertThrows(PredictorFormatException.class,
                () -> PredictorJson.read("wrong.json", wrong));
        assertTrue(ex.getMessage().contains("wrong.json") && ex.getMessage().contains("power_w"), ex.getMessage());
    }

    private record Run(int exit, String out, Throwable failure) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        Throwable[] failure = new Throwable[1];
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            failure[0] = ex;
            return 1;
        });
        return new Run(cl.execute(args), out.toString(), failure[0]);
    }

    @Test
    void fitAndPredictCommandsHandleTheEnergyQuantity() throws Exception {
        Path csv = energyCsv();
        Path pj = dir.resolve("energy.json");
        Run fit = run(new FitCommand(), "--data", csv.toString(), "--where", "target=gpu", "--quantity", "energy",
                "--out", pj.toString(), "--max-degree", "2", "--json", "--db", dir.resolve("db").toString());
        assertEquals(0, fit.exit(), fit.out() + fit.failure());
        JsonNode report = Json.MAPPER.readTree(fit.out());
        assertEquals("energy_mj", report.get("quantity").asText());
        assertEquals("mJ", report.get("unit").asText());
        int skipped = report.get("rowsWithoutValue").asInt();
        assertTrue(skipped > 0, fit.out());
        assertEquals("energy_mj", PredictorJson.read(pj).quantity());

        Run text = run(new FitCommand(), "--data", csv.toString(), "--where", "target=gpu", "--quantity", "energy",
                "--out", dir.resolve("e2.json").toString(), "--max-degree", "2", "--db", dir.resolve("db").toString());
        assertEquals(0, text.exit(), text.out() + text.failure());
        assertTrue(text.out().contains("log energy_mj predictor"), text.out());
        assertTrue(text.out().contains("Skipped " + skipped + " of "), text.out());
        assertTrue(text.out().contains("RMSE mJ"), text.out());

        Path predicted = dir.resolve("predicted.csv");
        Run predict = run(new PredictCommand(), "--predictor", pj.toString(), "--data", TestData.edgeCsv().toString(),
                "--out", predicted.toString(), "--json");
        // the edge CSV has cpu rows too: the gpu-only predictor names the missing platform
        assertEquals(1, predict.exit());
        assertTrue(predict.failure().getMessage().contains("platform 'cpu'"), predict.failure().getMessage());
        Path gpuOnly = dir.resolve("gpu.csv");
        List<String> lines = Files.readAllLines(TestData.edgeCsv());
        List<String> keep = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.split(",")[3].equals("gpu")).limit(50).forEach(keep::add);
        Files.write(gpuOnly, keep);
        predict = run(new PredictCommand(), "--predictor", pj.toString(), "--data", gpuOnly.toString(),
                "--out", predicted.toString(), "--json");
        assertEquals(0, predict.exit(), predict.out() + predict.failure());
        assertEquals("energy_mj", Json.MAPPER.readTree(predict.out()).get("quantity").asText());
        CsvTable out = CsvTable.read(predicted);
        assertTrue(out.hasColumn("predicted_mj") && !out.hasColumn("predicted_ms"), out.header().toString());
        assertEquals(50, out.rows().size());
        for (CsvTable.Row r : out.rows()) {
            assertTrue(Double.parseDouble(r.text("predicted_mj")) > 0);
        }
    }

    @Test
    void energyErrorsNameTheProblem() throws Exception {
        Path out = dir.resolve("x.json");
        Run noEnergy = run(new FitCommand(), "--data", TestData.edgeCsv().toString(), "--where", "model=alexnet",
                "--quantity", "energy", "--out", out.toString(), "--db", dir.resolve("db").toString());
        assertEquals(1, noEnergy.exit());
        assertTrue(noEnergy.failure() instanceof CommandFailure, String.valueOf(noEnergy.failure()));
        String msg = noEnergy.failure().getMessage();
        assertTrue(msg.contains("energy_mj") && msg.contains("edge-layer-latency.csv"), msg);
        assertFalse(Files.exists(out), "no predictor is written on error");

        Run badQuantity = run(new FitCommand(), "--data", energyCsv().toString(), "--quantity", "power",
                "--out", out.toString(), "--db", dir.resolve("db").toString());
        assertEquals(1, badQuantity.exit());
        assertTrue(badQuantity.failure().getMessage().startsWith("--quantity: unknown quantity 'power'"),
                badQuantity.failure().getMessage());
        assertFalse(Files.exists(out));

        assertThrows(IllegalArgumentException.class, () -> Quantity.ofId("latency"));
        assertEquals(Quantity.LATENCY, Quantity.parse("latency"));
        assertEquals(Quantity.ENERGY, Quantity.parse("energy_mj"));
    }
}
