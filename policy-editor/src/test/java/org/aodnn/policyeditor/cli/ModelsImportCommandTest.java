package org.aodnn.policyeditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.source.LayerValuesCsv;
import org.aodnn.policyeditor.tfjs.TfjsModelImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Import a TF.js model into a temporary database, then partition it with the CLI. */
class ModelsImportCommandTest {

    // One database for the class: opening one loads the sample data, which takes seconds.
    @TempDir
    static Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelsImportCommandTest.class.getResource("/tfjs/" + name + "/model.json").toURI());
    }

    private String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute(args), err.toString());
        return out.toString();
    }

    @Test
    void importedModelIsStoredAndCanBePartitioned() throws Exception {
        Path db = dir.resolve("wb");
        JsonNode doc = new ObjectMapper().readTree(run(new ModelsImportCommand(), "--db", db.toString(),
                fixture("small-cnn").toString(), "--json"));
        assertEquals("small-cnn", doc.get("model").asText());
        assertEquals(10, doc.get("layers").asInt());
        assertEquals(626, doc.get("params").asLong());
        assertEquals(8, doc.get("cuts").asInt());

        DnnModel stored;
        try (Store store = Store.open(db)) {
            stored = store.models().find("small-cnn").orElseThrow();
        }
        assertEquals(TfjsModelImporter.importFile(fixture("small-cnn"), null).layers(), stored.layers());

        Path mobile = Files.writeString(dir.resolve("m.csv"), LayerValuesCsv.write(stored, "latency_ms",
                new double[] {3, 0.5, 0.5, 1, 0.2, 1, 0.3, 0.2, 0.1, 0.1}));
        Path edge = Files.writeString(dir.resolve("e.csv"), LayerValuesCsv.write(stored, "latency_ms",
                new double[] {0.1, 0.01, 0.01, 0.05, 0.01, 0.03, 0.01, 0.01, 0.01, 0.01}));
        JsonNode result = new ObjectMapper().readTree(run(new PartitionCommand(), "--db", db.toString(),
                "--model", "small-cnn", "--mobile-latency", mobile.toString(), "--edge-latency", edge.toString(),
                "--mobile-power-mw", "1500", "--network", "4g", "--up", "8", "--down", "12", "--t-max", "100",
                "--e-max", "1", "--json"));
        // Cuts: 0, after each of the 8 cuttable rows (the last one is k = N = 10): 9 in all, never k = 1 or 9.
        assertEquals(9, result.get("cuts").size());
        for (JsonNode cut : result.get("cuts")) {
            int k = cut.get("k").asInt();
            assertTrue(k != 1 && k != 9, "no cut between a layer and its fused activation: k = " + k);
        }
        assertEquals(4.0 * 3 * 32 * 32 * 8 / 8e6 * 1000, result.get("cuts").get(0).get("parts").get("up_ms").asDouble(),
                1e-9);
    }

    @Test
    void duplicateNameAndBadFilesFailWithoutStoringAnything() throws Exception {
        Path db = dir.resolve("wb");
        run(new ModelsImportCommand(), "--db", db.toString(), fixture("mnist-chain").toString(), "--name", "mnist");
        int models;
        try (Store store = Store.open(db)) {
            models = store.models().names().size();
        }
        ModelsImportCommand again = new ModelsImportCommand();
        new CommandLine(again).parseArgs("--db", db.toString(), fixture("mnist-chain").toString(), "--name", "mnist");
        CommandFailure duplicate = assertThrows(CommandFailure.class, again::call);
        assertTrue(duplicate.getMessage().contains("already in the catalog"), duplicate.getMessage());

        Path broken = Files.writeString(dir.resolve("model.json"), Files.readString(fixture("small-cnn"))
                .replace("\"DepthwiseConv2D\"", "\"SeparableConv2D\""));
        ModelsImportCommand bad = new ModelsImportCommand();
        new CommandLine(bad).parseArgs("--db", db.toString(), broken.toString(), "--name", "broken");
        CommandFailure unsupported = assertThrows(CommandFailure.class, bad::call);
        assertTrue(unsupported.getMessage().contains("'depthwise_conv2d' (SeparableConv2D)"), unsupported.getMessage());

        ModelsImportCommand missing = new ModelsImportCommand();
        new CommandLine(missing).parseArgs("--db", db.toString(), dir.resolve("none.json").toString());
        assertTrue(assertThrows(CommandFailure.class, missing::call).getMessage().contains("none.json"));

        try (Store store = Store.open(db)) {
            assertTrue(store.models().exists("mnist"));
            assertTrue(!store.models().exists("broken"), "a failed import stores nothing");
            assertEquals(models, store.models().names().size());
        }
    }

    @Test
    void textOutputSummarisesTheImport() throws IOException, URISyntaxException {
        String out = run(new ModelsImportCommand(), "--db", dir.resolve("wb").toString(),
                fixture("mnist-chain").toString());
        assertTrue(out.startsWith("Imported mnist-chain: 3 layers, 27090 params"), out);
    }
}
