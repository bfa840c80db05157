package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.CutResult;
import org.junit.jupiter.api.Test;

/** The input upload size (D_0) edited in the Policy Editor: live, undoable, per model, saved. */
class PolicyEditorInputSizeTest extends EditorViewModelFixture {

    /** mobilenet_v2 takes a 1x3x224x224 float32 input. */
    private static final long MOBILENET_INPUT_BYTES = 4L * 3 * 224 * 224;

    private double edgeOnlyMs() {
        return vm.evaluationProperty().get().cuts().stream().filter(c -> c.k() == 0)
                .mapToDouble(CutResult::tMs).findFirst().orElseThrow();
    }

    @Test
    void theModelsOwnSizeIsShownAndUsedUntilTheOperatorSetsOne() {
        assertEquals("mobilenet_v2", vm.modelProperty().get());
        assertEquals(MOBILENET_INPUT_BYTES, vm.modelInputBytesProperty().get());
        assertNull(vm.inputBytesProperty().get());
        assertNull(vm.currentSettings().inputBytes());
    }

    @Test
    void aLargerInputSlowsTheEdgeOnlyCutAtOnceAndIsOneUndoableEdit() {
        double own = edgeOnlyMs();
        double up = vm.upMbpsProperty().get();
        assertTrue(vm.editInputSize("4 MB"));
        assertEquals(4_000_000L, vm.inputBytesProperty().get());
        // only the upload of cut 0 changes: (4e6 - own bytes) * 8 bits more at the uplink's speed
        double extraMs = (4_000_000 - MOBILENET_INPUT_BYTES) * 8 / (up * 1e6) * 1e3;
        assertEquals(own + extraMs, edgeOnlyMs(), 1e-6 * own);
        assertEquals("Undo input size", vm.undoManager().undoTextProperty().get());

        vm.undoManager().undo();
        assertNull(vm.inputBytesProperty().get());
        assertEquals(own, edgeOnlyMs(), 1e-9);
        vm.undoManager().redo();
        assertEquals(4_000_000L, vm.inputBytesProperty().get());
        assertEquals(own + extraMs, edgeOnlyMs(), 1e-6 * own);

        assertTrue(vm.editInputSize(""), "empty goes back to the model's own");
        assertNull(vm.inputBytesProperty().get());
        assertEquals(own, edgeOnlyMs(), 1e-9);
    }

    @Test
    void aBadEntryChangesNothingAndSaysWhy() {
        assertTrue(vm.editInputSize("150528"));
        int edits = vm.undoManager().canUndoProperty().get() ? 1 : 0;
        assertFalse(vm.editInputSize("12 parsecs"));
        assertTrue(vm.statusProperty().get().startsWith("Input size: '12 parsecs'"), vm.statusProperty().get());
        assertFalse(vm.editInputSize("0"));
        assertEquals(150_528L, vm.inputBytesProperty().get());
        assertEquals(1, edits);
        assertEquals("Undo input size", vm.undoManager().undoTextProperty().get());
    }

    @Test
    void anInputSizeBelongsToItsModel() {
        vm.editInputSize("1 MiB");
        vm.modelProperty().set("alexnet");
        assertNull(vm.inputBytesProperty().get(), "another model uploads its own input");
        assertEquals(4L * 3 * 224 * 224, vm.modelInputBytesProperty().get());
        vm.modelProperty().set("mobilenet_v2");
        assertEquals(1L << 20, vm.inputBytesProperty().get(), "back to the model: the size set for it");
        assertEquals(1L << 20, vm.currentSettings().inputBytes());
    }

    @Test
    void theSizeIsSavedWithThePolicyAndLoadedBack() {
        vm.editInputSize("2.5 MB");
        vm.policyNameProperty().set("big-input");
        vm.savePolicy();
        assertEquals(2_500_000L, new PolicyStore(store).require("big-input").settings().inputBytes());

        PolicyEditorViewModel other = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        other.activate();
        other.loadPolicy("big-input");
        assertEquals(2_500_000L, other.inputBytesProperty().get());
        assertEquals(vm.evaluationProperty().get().chosen().tMs(), other.evaluationProperty().get().chosen().tMs(), 1e-9);
    }
}
