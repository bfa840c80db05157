package org.aodnn.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of(System.getProperty("aodnn.shared.data", "../../shared/data"));

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("wb"));
    }

    private JsonNode json(CliRunner.Result result) throws IOException {
        assertEquals(0, result.exitCode(), result.err());
        return JSON.readTree(result.out());
    }

    private int measurementRows() throws IOException {
        return json(cli.run("db", "stats", "--json")).path("tables").path("layer_measurement").asInt();
    }

    @Test
    void modelsListsTheSampleCatalogAsJson() throws IOException {
        JsonNode models = json(cli.run("models", "--json")).path("models");
        assertEquals(18, models.size());
        JsonNode first = models.get(0);
        assertEquals("alexnet", first.path("name").asText());
        assertEquals(19, first.path("layers").asInt());
        assertEquals(61_100_840L, first.path("params").asLong());
        assertTrue(first.path("flops").asLong() > 0);
    }

    @Test
    void modelsShowAddsTheLayerTableAndRejectsUnknownNames() throws IOException {
        JsonNode vgg = json(cli.run("models", "show", "vgg16", "--json"));
        assertEquals(37, vgg.path("layer_table").size());
        assertEquals("features.0", vgg.path("layer_table").get(0).path("layer_name").asText());
        CliRunner.Result unknown = cli.run("models", "show", "no-such-net");
        assertEquals(1, unknown.exitCode());
        assertEquals(1, unknown.err().strip().lines().count(), "one-line reason");
        assertTrue(unknown.err().contains("no-such-net"));
    }

    @Test
    void importingTheSameFileTwiceUpdatesInPlace() throws IOException {
        int before = measurementRows();
        Path file = SHARED.resolve("edge-layer-latency.csv");
        JsonNode first = json(cli.run("import", "--format", "layer-csv", file.toString(), "--platform", "lab", "--json"));
        assertEquals(10405, first.path("rows").asInt());
        assertEquals(before + 10405, measurementRows());
        json(cli.run("import", "--format", "layer-csv", file.toString(), "--platform", "lab", "--json"));
        assertEquals(before + 10405, measurementRows(), "re-import must not duplicate");
    }

    @Test
    void aBadRowImportsNothingAndNamesLineAndColumn() throws IOException {
        List<String> lines = Files.readAllLines(SHARED.resolve("edge-layer-latency.csv")).subList(0, 50);
        String[] cells = lines.get(40).split(",");
        cells[5] = "-3.5"; // latency_ms
        lines.set(40, String.join(",", cells));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, lines);
        int before = measurementRows();
        CliRunner.Result result = cli.run("import", "--format", "layer-csv", bad.toString());
        assertNotEquals(0, result.exitCode());
        assertTrue(result.err().contains("line 41") && result.err().contains("latency_ms"), result.err());
        assertEquals(1, result.err().strip().lines().count());
        assertEquals(before, measurementRows(), "nothing imported");
    }

    @Test
    void aLayerMeasuredTwiceInOneImportIsRefusedNamingBothLines() throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SHARED.resolve("edge-layer-latency.csv"))
                .subList(0, 6));
        String[] cells = lines.get(2).split(",");
        cells[5] = "0.5"; // the same layer again, another latency
        lines.add(String.join(",", cells));
        Path twice = dir.resolve("twice.csv");
        Files.write(twice, lines);
        int before = measurementRows();
        CliRunner.Result result = cli.run("import", "--format", "layer-csv", twice.toString(), "--platform", "lab");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.err().contains(twice + " line 7 measures the same layer as " + twice + " line 3"),
                result.err());
        assertEquals(before, measurementRows(), "nothing imported");

        CliRunner.Result blank = cli.run("import", "--format", "layer-csv", twice.toString(), "--platform", " ");
        assertEquals(2, blank.exitCode(), blank.err());
        assertTrue(blank.err().contains("--platform"), blank.err());
    }

    @Test
    void exportReimportsToTheSameRows() throws IOException {
        Path out = dir.resolve("gpu.csv");
        JsonNode exported = json(cli.run("export", "--format", "layer-csv", "--out", out.toString(),
                "--where", "target=gpu", "--where", "model=alexnet", "--json"));
        assertEquals(19, exported.path("rows").asInt());
        List<String> first = Files.readAllLines(out);

        CliRunner other = new CliRunner(dir.resolve("other"));
        assertEquals(0, other.run("import", "--format", "layer-csv", out.toString()).exitCode());
        Path again = dir.resolve("again.csv");
        assertEquals(0, other.run("export", "--format", "layer-csv", "--out", again.toString(),
                "--where", "target=gpu", "--where", "model=alexnet").exitCode());
        assertEquals(first, Files.readAllLines(again));
    }

    @Test
    void exportRejectsUnknownFilterColumns() {
        CliRunner.Result result = cli.run("export", "--format", "layer-csv", "--out", dir.resolve("x.csv").toString(),
                "--where", "colour=blue");
        assertEquals(2, result.exitCode(), "bad usage, as in fit");
        assertTrue(result.err().contains("unknown column 'colour'"), result.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));

        CliRunner.Result none = cli.run("export", "--format", "layer-csv", "--out", dir.resolve("y.csv").toString(),
                "--where", "platform=edge-sever");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("no stored measurement rows match the --where conditions; nothing was written"
                + " (stored platforms: ") && none.err().contains("edge-server"), none.err());
        assertFalse(Files.exists(dir.resolve("y.csv")));
    }

    @Test
    void statsCountsEveryTable() throws IOException {
        JsonNode tables = json(cli.run("db", "stats", "--json")).path("tables");
        for (String table : List.of("device", "device_snapshot", "profiling_session", "layer_measurement",
                "power_sample", "dnn_model", "model_layer", "predictor", "policy", "manifest", "edge_node",
                "deployment")) {
            assertTrue(tables.has(table), table);
        }
        assertEquals(18, tables.path("dnn_model").asInt());
    }

    @Test
    void backupWritesAConsistentArchive() throws IOException {
        Path backup = dir.resolve("backups/wb.zip");
        assertEquals(0, cli.run("db", "backup", backup.toString()).exitCode());
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith(".mv.db")));
        }
    }

    @Test
    void badFlagsFailWithOneLineAndUsageExitCode() {
        CliRunner.Result result = cli.run("export", "--format", "layer-csv");
        assertEquals(Cli.EXIT_USAGE, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("--out"));
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"import", "--help"},
                new String[] {"models", "show", "--help"}, new String[] {"db", "stats", "--help"})) {
            CliRunner.Result result = CliRunner.runRaw(args);
            assertEquals(0, result.exitCode());
            assertTrue(result.out().startsWith("Usage: aodnn"), result.out());
        }
    }
}
