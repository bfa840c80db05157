package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.aodnn.db.Store;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.policyeditor.TinyPredictor;
import org.aodnn.policyeditor.cli.PolicyCommand;
import org.aodnn.policyeditor.policy.PolicyJson;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.PredictorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A policy saved by {@code aodnn policy save} loads in the Policy Editor with the same settings and decision,
 * and one the editor saved is shown by {@code aodnn policy show} as the editor has it: one store, two faces.
 * Bounds beyond the editor's slider ranges and an explicit input size survive a load and a re-save.
 */
class PolicyCliRoundTripTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolicyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void aPolicySavedFromTheCommandLineLoadsInTheEditorAndViceVersa() throws IOException {
        Path db = dir.resolve("wb");
        try (Store store = Store.open(db)) {
            TinyPredictor.store(store, "tiny");
        }
        JsonNode saved = new ObjectMapper().readTree(run("save", "cli-made", "--db", db.toString(), "--model", "alexnet",
                "--mobile-latency", "profile:reference-browser:browser:wasm:1", "--edge-latency", "predictor:tiny:gpu",
                "--network", "4g", "--up", "7.5", "--down", "30", "--t-max", "1200", "--e-max", "2", "--eta", "42",
                "--weights-cached", "--mobile-power-mw", "1500", "--json"));

        try (Store store = Store.open(db)) {
            PolicySettings stored = new PolicyStore(store).require("cli-made").settings();
            PolicyEditorViewModel vm = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
            vm.activate();
            vm.loadPolicy("cli-made");
            assertEquals("Loaded policy 'cli-made'", vm.statusProperty().get());
            assertEquals(stored, vm.currentSettings(), "the editor holds exactly the stored settings");
            assertEquals(new PredictorSource("tiny", "gpu", 0), vm.edgeSourceProperty().get());
            assertEquals(NetworkProfile.FOUR_G, vm.networkProperty().get());
            assertEquals(1500, vm.computePowerMwProperty().get());
            assertEquals(saved.get("decision").get("chosen").get("k").asInt(),
                    vm.evaluationProperty().get().chosen().k(), "and decides as the command line did");

            // the other way: the editor saves a changed copy, the command line shows it as the editor has it
            vm.upMbpsProperty().set(3);
            vm.etaLinkedProperty().set(true);
            vm.policyNameProperty().set("editor-made");
            vm.savePolicy();
            assertEquals("Saved policy 'editor-made'", vm.statusProperty().get());
            JsonNode shown = new ObjectMapper().readTree(run("show", "editor-made", "--db", db.toString(), "--json"));
            assertEquals(new ObjectMapper().readTree(PolicyJson.write(vm.currentSettings())), shown.get("settings"));
            assertEquals(vm.evaluationProperty().get().chosen().k(), shown.get("decision").get("chosen").get("k").asInt());
            assertEquals(vm.evaluationProperty().get().chosen().tMs(),
                    shown.get("decision").get("chosen").get("t_ms").asDouble(), 1e-9);
            assertTrue(run("list", "--db", db.toString()).contains("editor-made"));
        }
    }

    @Test
    void boundsBeyondTheSlidersAndAnInputSizeSurviveALoadAndAReSave() throws IOException {
        Path db = dir.resolve("wb");
        JsonNode saved = new ObjectMapper().readTree(run("save", "wide", "--db", db.toString(), "--model", "alexnet",
                "--mobile-latency", "profile:reference-browser:browser:wasm:1", "--edge-latency",
                "profile:edge-server:gpu", "--network", "wifi", "--up", "10", "--down", "40", "--t-max", "900000",
                "--e-max", "24000", "--input-bytes", "12345678", "--mobile-power-mw", "1500", "--json"));
        try (Store store = Store.open(db)) {
            PolicySettings stored = new PolicyStore(store).require("wide").settings();
            PolicyEditorViewModel vm = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
            vm.activate();
            vm.loadPolicy("wide");
            assertEquals(stored, vm.currentSettings(), "nothing lowered, nothing dropped");
            assertTrue(vm.tMaxLimitProperty().get() >= 900000 && vm.eMaxLimitProperty().get() >= 24000);
            assertEquals(saved.get("decision").get("chosen").get("k").asInt(), vm.evaluationProperty().get().chosen().k());
            assertEquals(saved.get("decision").get("chosen").get("t_ms").asDouble(),
                    vm.evaluationProperty().get().chosen().tMs(), 1e-9, "the same input size uploaded");
            vm.savePolicy();
            assertEquals(stored, new PolicyStore(store).require("wide").settings(), "a re-save changes nothing");

            vm.modelProperty().set("vgg16"); // another model: its own input size again
            assertEquals(null, vm.currentSettings().inputBytes());
            vm.modelProperty().set("alexnet"); // back to the policy's model: its input size with it
            assertEquals(12345678L, vm.currentSettings().inputBytes());
        }
    }
}
