package org.aodnn.modelfitting.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.modelfitting.TestData;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, Throwable failure) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        Throwable[] failure = new Throwable[1];
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            failure[0] = ex;
            return 1;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), failure[0]);
    }

    private static final String[] SUBSET = {"--where", "model=alexnet", "--where", "model=squeezenet1_1",
        "--where", "model=resnet18", "--where", "threads=1", "--where", "threads=16", "--where", "target=cpu"};

    private String[] fitArgs(String... extra) {
        List<String> a = new ArrayList<>(List.of("--data", TestData.edgeCsv().toString()));
        a.addAll(List.of(SUBSET));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void fitWritesAPredictorPrintsJsonMetricsAndSavesIntoTheDatabase() throws Exception {
        Path out = dir.resolve("p.json");
        Path db = dir.resolve("db");
        Run r = run(new FitCommand(), fitArgs("--out", out.toString(), "--json", "--max-degree", "2", "--save", "edge-cpu",
                "--db", db.toString()));
        assertEquals(0, r.exit(), String.valueOf(r.failure()));
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals("log", doc.get("mode").asText());
        assertEquals("cpu", doc.get("platforms").get(0).asText());
        JsonNode layer = doc.get("in-sample").get("layer");
        assertTrue(layer.size() > 3);
        assertTrue(doc.get("in-sample").get("modelLevel").size() > 0);
        var written = PredictorJson.read(out);
        assertEquals(doc.get("fingerprint").asText(), written.fingerprint());
        assertEquals(List.of(1, 16), written.platform("cpu").orElseThrow().trainingThreads(),
                "the thread counts the rows ran at are recorded");
        try (Store store = Store.open(db)) {
            var stored = new PredictorRepository(store.dsl()).find("edge-cpu").orElseThrow();
            assertEquals("cpu", stored.platform());
            assertEquals(written.fingerprint(), stored.fingerprint());
            assertEquals(PredictorJson.write(written), PredictorJson.write(PredictorJson.read("db", stored.document())));
        }
        // The same name again without --replace fails before anything is written.
        Path other = dir.resolve("q.json");
        Run again = run(new FitCommand(), fitArgs("--out", other.toString(), "--max-degree", "1", "--save", "edge-cpu", "--db", db.toString()));
        assertEquals(1, again.exit());
        assertTrue(again.failure() instanceof CommandFailure && again.failure().getMessage().contains("edge-cpu"));
        assertFalse(Files.exists(other));
    }

    @Test
    void fitWithLeaveOneModelOutReportsPerHeldOutModel() throws Exception {
        Run r = run(new FitCommand(), fitArgs("--out", dir.resolve("p.json").toString(), "--json",
                "--evaluate", "leave-one-model-out", "--max-degree", "1", "--folds", "2"));
        assertEquals(0, r.exit(), String.valueOf(r.failure()));
        JsonNode lomo = Json.MAPPER.readTree(r.out()).get("leave-one-model-out");
        List<String> compared = List.of("predictor", "flops-linear", "least-squares");
        int rows = 0;
        for (JsonNode n : lomo.get("perModel")) {
            rows += compared.contains(n.get("method").asText()) ? 1 : 0;
        }
        assertEquals(3 * 2 * 3, rows); // 3 models x 2 thread counts x 3 methods
        List<String> methods = new ArrayList<>();
        lomo.get("modelLevel").forEach(n -> methods.add(n.get("method").asText()));
        assertTrue(methods.containsAll(List.of("predictor", "flops-linear", "least-squares")), methods.toString());
    }

    @Test
    void predictWritesEveryRowInOrderWithPredictionAndFlag() throws Exception {
        Path predictor = dir.resolve("p.json");
        assertEquals(0, run(new FitCommand(), fitArgs("--out", predictor.toString(), "--max-degree", "2")).exit());
        // Input: the alexnet CPU rows plus a SiLU layer the predictor never saw.
        List<String> lines = Files.readAllLines(TestData.edgeCsv());
        List<String> input = new ArrayList<>();
        input.add(lines.get(0));
        lines.stream().filter(l -> l.startsWith("alexnet,") && l.contains(",cpu,4,")).forEach(input::add);
        input.add("x,0,act,cpu,4,0.1,3,SiLU,1x8x4x4,1x8x4x4,128,128,8,8,0,0,0,0,1,0,128");
        Path in = dir.resolve("in.csv");
        Files.write(in, input);
        Path out = dir.resolve("out.csv");
        Run r = run(new PredictCommand(), "--predictor", predictor.toString(), "--data", in.toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), String.valueOf(r.failure()));
        CsvTable table = CsvTable.read(out);
        assertEquals(input.size() - 1, table.rows().size());
        assertTrue(table.header().subList(0, table.header().size() - 2).equals(CsvTable.read(in).header()));
        for (int i = 0; i < table.rows().size(); i++) {
            var row = table.rows().get(i);
            assertEquals(CsvTable.read(in).rows().get(i).text("layer_name"), row.text("layer_name"));
            assertTrue(row.nonNegativeDouble("predicted_ms") > 0);
        }
        var last = table.rows().get(table.rows().size() - 1);
        assertEquals("family", last.text("flag"));
        assertTrue(table.rows().get(0).optional("flag").isEmpty());
        assertTrue(r.out().contains("1 by a fallback"), r.out());
    }

    @Test
    void storedMeasurementsFitAsTheirExportedCsvDoes() throws Exception {
        String db = dir.resolve("db/wb").toString();
        List<String> where = List.of("--where", "platform=edge-server", "--where", "target=gpu", "--where",
                "model=alexnet", "--where", "model=resnet18");
        List<String> stored = new ArrayList<>(List.of("--stored", "--db", db, "--out", dir.resolve("s.json").toString(),
                "--max-degree", "1", "--json"));
        stored.addAll(where);
        Run fromDb = run(new FitCommand(), stored.toArray(new String[0]));
        assertEquals(0, fromDb.exit(), String.valueOf(fromDb.failure()));
        // the same rows through a CSV file give the same predictor
        Path csv = dir.resolve("gpu.csv");
        List<String> csvRows = new ArrayList<>();
        try (Store store = Store.open(Path.of(db))) {
            List<org.aodnn.db.domain.LayerMeasurement> rows = store.measurements().find(
                    org.aodnn.db.repo.MeasurementFilter.parse(List.of("platform=edge-server", "target=gpu",
                            "model=alexnet", "model=resnet18")));
            try (var w = Files.newBufferedWriter(csv)) {
                org.aodnn.db.csv.LayerCsv.writeMeasurements(rows, w);
            }
            csvRows.add(String.valueOf(rows.size()));
        }
        Run fromCsv = run(new FitCommand(), "--data", csv.toString(), "--out", dir.resolve("c.json").toString(),
                "--max-degree", "1");
        assertEquals(0, fromCsv.exit(), String.valueOf(fromCsv.failure()));
        assertEquals(PredictorJson.read(dir.resolve("c.json")).fingerprint(),
                PredictorJson.read(dir.resolve("s.json")).fingerprint(), "same rows, same training fingerprint");

        Run neither = run(new FitCommand(), "--out", dir.resolve("n.json").toString());
        assertTrue(neither.failure().getMessage().contains("--data FILE.csv (repeatable) or --stored"),
                neither.failure().getMessage());
        Run noRows = run(new FitCommand(), "--stored", "--db", db, "--where", "platform=nowhere", "--out",
                dir.resolve("n.json").toString());
        assertTrue(noRows.failure().getMessage().startsWith("no stored measurement rows match"),
                noRows.failure().getMessage());
    }

    @Test
    void aModelsLayerTableIsPredictedOnTheNamedPlatform() throws Exception {
        Path predictor = dir.resolve("p.json");
        assertEquals(0, run(new FitCommand(), fitArgs("--out", predictor.toString(), "--max-degree", "1")).exit());
        Path layers = TestData.sharedData().resolve("model-layers.csv");
        Path out = dir.resolve("predicted.csv");
        Run r = run(new PredictCommand(), "--predictor", predictor.toString(), "--data", layers.toString(),
                "--platform", "cpu", "--threads", "16", "--out", out.toString());
        assertEquals(0, r.exit(), String.valueOf(r.failure()));
        CsvTable table = CsvTable.read(out);
        assertEquals(CsvTable.read(layers).rows().size(), table.rows().size(), "every layer of every model");
        assertTrue(table.rows().stream().allMatch(row -> row.nonNegativeDouble("predicted_ms") > 0));

        Run wrong = run(new PredictCommand(), "--predictor", predictor.toString(), "--data", layers.toString(),
                "--platform", "gpu", "--out", dir.resolve("x.csv").toString());
        assertEquals("--platform gpu is not in the predictor (it has cpu)", wrong.failure().getMessage());
        Run none = run(new PredictCommand(), "--predictor", predictor.toString(), "--data", layers.toString(),
                "--out", dir.resolve("x.csv").toString());
        assertTrue(none.failure().getMessage().contains("target"), none.failure().getMessage());
    }

    @Test
    void operatorErrorsNameTheProblem() throws Exception {
        Run missing = run(new FitCommand(), "--data", dir.resolve("nope.csv").toString(), "--out", "x.json");
        assertTrue(missing.failure().getMessage().contains("nope.csv"));
        Run badWhere = run(new FitCommand(), "--data", TestData.edgeCsv().toString(), "--where", "colour=red",
                "--out", dir.resolve("x.json").toString());
        assertTrue(badWhere.failure().getMessage().contains("colour"), badWhere.failure().getMessage());
        Run none = run(new FitCommand(), "--data", TestData.edgeCsv().toString(), "--where", "model=none",
                "--out", dir.resolve("x.json").toString());
        assertTrue(none.failure().getMessage().contains("no measurement rows"));
        assertFalse(Files.exists(dir.resolve("x.json")));

        Path predictor = dir.resolve("p.json");
        assertEquals(0, run(new FitCommand(), fitArgs("--out", predictor.toString(), "--max-degree", "1")).exit());
        Path in = dir.resolve("gpu.csv");
        List<String> lines = Files.readAllLines(TestData.edgeCsv());
        Files.write(in, List.of(lines.get(0), lines.get(1)));
        Run gpu = run(new PredictCommand(), "--predictor", predictor.toString(), "--data", in.toString(), "--out",
                dir.resolve("o.csv").toString());
        assertTrue(gpu.failure().getMessage().contains("line 2") && gpu.failure().getMessage().contains("'gpu'"),
                gpu.failure().getMessage());
        assertFalse(Files.exists(dir.resolve("o.csv")));
        Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1}");
        Run bad = run(new PredictCommand(), "--predictor", dir.resolve("bad.json").toString(), "--data", in.toString(),
                "--out", dir.resolve("o.csv").toString());
        assertTrue(bad.failure().getMessage().contains("bad.json"), bad.failure().getMessage());

        // checked before any fitting: the output's directory, the name to save under, held-out models to have
        Run nowhere = run(new FitCommand(), fitArgs("--out", dir.resolve("missing/p.json").toString()));
        assertEquals("--out " + dir.resolve("missing/p.json") + ": the directory " + dir.resolve("missing")
                + " does not exist", nowhere.failure().getMessage());
        Run blankName = run(new FitCommand(), fitArgs("--out", dir.resolve("q.json").toString(), "--save", " "));
        assertEquals("--save: give the predictor a name", blankName.failure().getMessage());
        Run oneModel = run(new FitCommand(), "--data", TestData.edgeCsv().toString(), "--where", "model=alexnet",
                "--out", dir.resolve("q.json").toString(), "--evaluate", "leave-one-model-out");
        assertTrue(oneModel.failure().getMessage().contains("at least two models"), oneModel.failure().getMessage());
        assertFalse(Files.exists(dir.resolve("q.json")));
        Run predictInto = run(new PredictCommand(), "--predictor", predictor.toString(), "--data", in.toString(),
                "--out", dir.toString());
        assertTrue(predictInto.failure().getMessage().endsWith("is a directory, not a file"),
                predictInto.failure().getMessage());
    }

    @Test
    void browserRowsAreCalibratedOnABasePredictorFromAFileOrTheDatabase() throws Exception {
        Path base = dir.resolve("edge-cpu.json");
        Path db = dir.resolve("db");
        Run fitBase = run(new FitCommand(), fitArgs("--out", base.toString(), "--max-degree", "2", "--save", "edge-cpu",
                "--db", db.toString()));
        assertEquals(0, fitBase.exit(), String.valueOf(fitBase.failure()));
        List<String> browser = List.of("--data", TestData.browserCsv().toString(), "--where", "backend=wasm",
                "--where", "model=alexnet", "--where", "model=squeezenet1_1", "--where", "model=resnet18",
                "--calibrate", "browser/wasm=cpu", "--db", db.toString(), "--json");
        Path fromFile = dir.resolve("from-file.json");
        List<String> a = new ArrayList<>(browser);
        a.addAll(List.of("--out", fromFile.toString(), "--base-predictor", base.toString()));
        Run r = run(new FitCommand(), a.toArray(new String[0]));
        assertEquals(0, r.exit(), String.valueOf(r.failure()));
        var doc = PredictorJson.read(fromFile);
        assertEquals(List.of("cpu", "browser/wasm"), doc.platformNames());
        assertEquals("cpu", doc.platform("browser/wasm").orElseThrow().calibration().basePlatform());
        assertEquals(Json.MAPPER.valueToTree(PredictorJson.read(base).platform("cpu").orElseThrow()),
                Json.MAPPER.<JsonNode>valueToTree(doc.platform("cpu").orElseThrow()), "the base platform is copied unchanged");
        assertTrue(Json.MAPPER.readTree(r.out()).get("in-sample").get("layer").size() > 0);

        Path fromDb = dir.resolve("from-db.json");
        List<String> b = new ArrayList<>(browser);
        b.addAll(List.of("--out", fromDb.toString(), "--base-stored", "edge-cpu"));
        Run stored = run(new FitCommand(), b.toArray(new String[0]));
        assertEquals(0, stored.exit(), String.valueOf(stored.failure()));
        assertEquals(doc.fingerprint(), PredictorJson.read(fromDb).fingerprint(), "same rows on the same base");

        List<String> missing = new ArrayList<>(browser);
        missing.addAll(List.of("--out", dir.resolve("x.json").toString(), "--base-stored", "nope"));
        Run none = run(new FitCommand(), missing.toArray(new String[0]));
        assertEquals(1, none.exit());
        assertTrue(none.failure().getMessage().contains("--base-stored nope"), none.failure().getMessage());
        Run alone = run(new FitCommand(), fitArgs("--out", dir.resolve("y.json").toString(), "--base-predictor",
                base.toString()));
        assertEquals(1, alone.exit());
        assertTrue(alone.failure().getMessage().contains("only used with --calibrate"), alone.failure().getMessage());
        assertFalse(Files.exists(dir.resolve("x.json")) || Files.exists(dir.resolve("y.json")), "nothing written on errors");
    }

    @Test
    void aCsvPlatformColumnNamesTheDeviceNotThePredictorPlatform() throws Exception {
        // as an exported phone session: platform = the device (profile), target/backend = the predictor platform
        List<org.aodnn.db.domain.LayerMeasurement> rows = new ArrayList<>();
        for (var m : org.aodnn.db.csv.LayerCsv.readMeasurements(CsvTable.read(TestData.browserCsv()),
                org.aodnn.modelfitting.predictor.Platforms::of)) {
            if (m.key().backend().equals("wasm") && List.of("alexnet", "resnet18", "squeezenet1_1").contains(m.key().model())) {
                var k = m.key();
                rows.add(new org.aodnn.db.domain.LayerMeasurement(new org.aodnn.db.domain.MeasurementKey(
                        k.model().equals("alexnet") ? "phone-a" : "phone-b", k.model(), k.layerIndex(), k.target(),
                        k.threads(), k.backend(), k.browser()), m.layerName(), m.geometry(), m.latencyMs(), null, null,
                        null, m.reps(), null, null, null, null));
            }
        }
        Path csv = dir.resolve("devices.csv");
        try (var w = Files.newBufferedWriter(csv)) {
            org.aodnn.db.csv.LayerCsv.writeMeasurements(rows, w);
        }
        Path p = dir.resolve("p.json");
        Run fit = run(new FitCommand(), "--data", csv.toString(), "--out", p.toString(), "--max-degree", "1", "--json");
        assertEquals(0, fit.exit(), String.valueOf(fit.failure()));
        JsonNode doc = Json.MAPPER.readTree(fit.out());
        assertEquals(List.of("browser/wasm"), List.of(doc.get("platforms").get(0).asText()));
        assertEquals(1, doc.get("platforms").size(), "both devices train the one platform");
        assertEquals(rows.size(), doc.get("rows").asInt());

        Run onlyB = run(new FitCommand(), "--data", csv.toString(), "--where", "platform=phone-b", "--out",
                dir.resolve("b.json").toString(), "--max-degree", "1", "--json");
        assertEquals(0, onlyB.exit(), String.valueOf(onlyB.failure()));
        assertEquals(rows.stream().filter(r -> r.key().platform().equals("phone-b")).count(),
                Json.MAPPER.readTree(onlyB.out()).get("rows").asLong(), "--where platform= selects a device");

        Path predicted = dir.resolve("predicted.csv");
        Run predict = run(new PredictCommand(), "--predictor", p.toString(), "--data", csv.toString(), "--out",
                predicted.toString());
        assertEquals(0, predict.exit(), String.valueOf(predict.failure()));
        assertEquals(rows.size() + 1, Files.readAllLines(predicted).size());
    }
}
