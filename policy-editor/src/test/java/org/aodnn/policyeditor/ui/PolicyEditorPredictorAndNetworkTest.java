package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aodnn.db.Store;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.policyeditor.TinyPredictor;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.PredictorSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored predictors as latency sources and editable network profiles, without any UI. */
class PolicyEditorPredictorAndNetworkTest {

    static final PredictorSource GPU = new PredictorSource("tiny", "gpu", 0);
    static final PredictorSource WASM = new PredictorSource("tiny", "browser/wasm", 1);

    @TempDir
    static Path dir;
    private Store store;
    private PolicyEditorViewModel vm;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("vm-" + System.nanoTime()));
        TinyPredictor.store(store, "tiny");
        vm = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storedPredictorsAreOfferedNextToTheMeasuredProfilesAndCanBeChosen() {
        assertTrue(vm.latencySources().contains(GPU), vm.latencySources().toString());
        assertTrue(vm.latencySources().contains(WASM), vm.latencySources().toString());
        assertTrue(vm.latencySources().stream().anyMatch(s -> s instanceof MeasurementProfile));
        assertTrue(vm.mobileSourceProperty().get() instanceof MeasurementProfile, "the default stays measured");
        CutResult measuredLocal = localOnly(vm.evaluationProperty().get());

        vm.mobileSourceProperty().set(WASM);
        Evaluation e = vm.evaluationProperty().get();
        assertNotNull(e);
        assertEquals("mobilenet_v2", e.model());
        assertNotEquals(measuredLocal.tMs(), localOnly(e).tMs(), "the browser latencies are now predicted");
        assertTrue(vm.problemProperty().get().cutCount() > 2);

        vm.edgeSourceProperty().set(GPU);
        assertNotNull(vm.evaluationProperty().get());
        assertTrue(vm.statusProperty().get().contains("valid cuts"), vm.statusProperty().get());
        assertEquals("Undo edge latency source", vm.undoManager().undoTextProperty().get());
        vm.undoManager().undo();
        assertTrue(vm.edgeSourceProperty().get() instanceof MeasurementProfile);
    }

    @Test
    void aPredictorThatIsGoneIsReportedAndClearsTheEvaluation() {
        vm.mobileSourceProperty().set(new PredictorSource("deleted", "browser/wasm", 1));
        assertEquals(null, vm.evaluationProperty().get());
        assertTrue(vm.statusProperty().get().contains("no stored predictor named 'deleted'"), vm.statusProperty().get());
    }

    @Test
    void editingAlphaUpReEvaluatesAtOnceAndUndoRestoresIt() {
        vm.networkProperty().set(NetworkProfile.THREE_G);
        vm.upMbpsProperty().set(2);
        vm.etaLinkedProperty().set(false);
        vm.etaProperty().set(500);
        Evaluation before = vm.evaluationProperty().get();
        double objectiveBefore = edgeOnly(before).objective();

        assertTrue(vm.editNetwork(NetworkParameter.ALPHA_UP, " 1737.96 "));
        assertEquals(1737.96, vm.networkProperty().get().alphaUpMwPerMbps());
        assertEquals("3g", vm.networkProperty().get().name());
        Evaluation after = vm.evaluationProperty().get();
        // edge-only uploads the input: double α_u, higher radio energy, higher objective
        assertTrue(edgeOnly(after).eJ() > edgeOnly(before).eJ());
        assertTrue(edgeOnly(after).objective() > objectiveBefore);
        assertEquals("Undo α_u", vm.undoManager().undoTextProperty().get());

        vm.undoManager().undo();
        assertEquals(NetworkProfile.THREE_G, vm.networkProperty().get());
        assertEquals(objectiveBefore, edgeOnly(vm.evaluationProperty().get()).objective(), 1e-12);
        vm.undoManager().redo();
        assertEquals(1737.96, vm.networkProperty().get().alphaUpMwPerMbps());
    }

    @Test
    void badNetworkEntriesChangeNothingAndSayWhy() {
        NetworkProfile before = vm.networkProperty().get();
        boolean couldUndo = vm.undoManager().canUndoProperty().get();
        assertFalse(vm.editNetwork(NetworkParameter.BETA, "12,5"));
        assertTrue(vm.statusProperty().get().contains("β_p") && vm.statusProperty().get().contains("not a number"),
                vm.statusProperty().get());
        assertFalse(vm.editNetwork(NetworkParameter.ALPHA_DOWN, "-1"));
        assertTrue(vm.statusProperty().get().contains(">= 0"), vm.statusProperty().get());
        assertFalse(vm.editNetwork(NetworkParameter.ALPHA_UP, "NaN"));
        assertFalse(vm.editNetwork(NetworkParameter.ALPHA_UP, ""));
        assertEquals(before, vm.networkProperty().get());
        assertEquals(couldUndo, vm.undoManager().canUndoProperty().get(), "no edit was recorded");
        assertTrue(vm.editNetwork(NetworkParameter.ALPHA_UP, Double.toString(before.alphaUpMwPerMbps())));
        assertEquals(couldUndo, vm.undoManager().canUndoProperty().get(), "an unchanged value is not an edit");
    }

    @Test
    void aPolicyWithPredictorsAndAnEditedNetworkIsSavedAndReloaded() {
        vm.modelProperty().set("resnet18");
        vm.mobileSourceProperty().set(WASM);
        vm.edgeSourceProperty().set(GPU);
        vm.networkProperty().set(NetworkProfile.FOUR_G);
        assertTrue(vm.editNetwork(NetworkParameter.ALPHA_DOWN, "60"));
        assertTrue(vm.editNetwork(NetworkParameter.BETA, "1100.5"));
        NetworkProfile edited = vm.networkProperty().get();
        Evaluation e = vm.evaluationProperty().get();
        vm.policyNameProperty().set("predicted-4g");
        vm.savePolicy();

        PolicyEditorViewModel other = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        other.activate();
        other.loadPolicy("predicted-4g");
        LayerSource mobile = other.mobileSourceProperty().get();
        assertEquals(WASM, mobile);
        assertEquals(GPU, other.edgeSourceProperty().get());
        assertEquals(edited, other.networkProperty().get());
        assertEquals(new NetworkProfile("4g", 438.39, 60, 1100.5), edited);
        assertEquals(e.chosen().k(), other.evaluationProperty().get().chosen().k());
        assertEquals(e.chosen().objective(), other.evaluationProperty().get().chosen().objective(), 1e-9);
    }

    private static CutResult localOnly(Evaluation e) {
        return e.cuts().get(e.cuts().size() - 1);
    }

    private static CutResult edgeOnly(Evaluation e) {
        CutResult first = e.cuts().get(0);
        assertEquals(0, first.k());
        return first;
    }
}
