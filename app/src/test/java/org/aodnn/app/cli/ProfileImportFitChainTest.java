package org.aodnn.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's own measurements go the whole way through the CLI: profiled in real headless Chromium, written
 * as layer-CSV, imported into another database, and fitted into a predictor that predicts them back.
 */
class ProfileImportFitChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void profiledRowsImportAndFit() throws Exception {
        Path csv = dir.resolve("squeezenet-browser.csv");
        CliRunner lab = new CliRunner(dir.resolve("lab"));
        CliRunner.Result profiled = lab.run("profile", "--target", "local-chromium", "--model", "squeezenet1_1",
                "--layers", "0-11", "--backend", "cpu,wasm", "--warmup", "1", "--reps", "2", "--min-time-ms", "5",
                "--out", csv.toString(), "--json");
        assertEquals(0, profiled.exitCode(), profiled.err());
        assertEquals(25, Files.readAllLines(csv).size(), "header and 12 layers on 2 backends");

        CliRunner other = new CliRunner(dir.resolve("other"));
        CliRunner.Result imported = other.run("import", "--format", "layer-csv", csv.toString(), "--json");
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals(24, JSON.readTree(imported.out()).path("rows").asInt());

        Path predictor = dir.resolve("predictor.json");
        CliRunner.Result fitted = other.run("fit", "--data", csv.toString(), "--out", predictor.toString(), "--json");
        assertEquals(0, fitted.exitCode(), fitted.err());
        JsonNode document = JSON.readTree(predictor.toFile());
        assertTrue(document.size() > 0);
        Path predicted = dir.resolve("predicted.csv");
        CliRunner.Result prediction = CliRunner.runRaw("predict", "--predictor", predictor.toString(), "--data",
                csv.toString(), "--out", predicted.toString());
        assertEquals(0, prediction.exitCode(), prediction.err());
        var lines = Files.readAllLines(predicted);
        assertEquals(25, lines.size());
        assertTrue(lines.get(0).contains("predicted_ms"), lines.get(0));
    }
}
