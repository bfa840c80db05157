package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.junit.jupiter.api.Test;

/** The Policy Editor's state without any UI: real store, tasks run on the test thread. */
class PolicyEditorViewModelTest extends EditorViewModelFixture {

    @Test
    void activationPicksADefaultModelAndSourcesAndEvaluates() {
        assertEquals(18, vm.models().size());
        assertEquals("mobilenet_v2", vm.modelProperty().get());
        MeasurementProfile mobile = assertInstanceOf(MeasurementProfile.class, vm.mobileSourceProperty().get());
        assertEquals("reference-browser", mobile.platform());
        assertEquals("wasm", mobile.backend());
        assertEquals("edge-server", assertInstanceOf(MeasurementProfile.class, vm.edgeSourceProperty().get()).platform());
        Evaluation e = vm.evaluationProperty().get();
        assertNotNull(e);
        assertEquals("mobilenet_v2", e.model());
        assertTrue(vm.readoutProperty().get().contains("vs edge_only"), vm.readoutProperty().get());
        assertEquals(PolicyEditorViewModel.SWEEP_POINTS.length, vm.sweepProperty().get().size());
        // bounds default to the median cut, so some cuts are feasible and some are not
        assertTrue(e.cuts().stream().anyMatch(c -> c.feasible()));
        assertTrue(e.cuts().stream().anyMatch(c -> !c.feasible()));
    }

    @Test
    void boundsAndEtaMoveTheDecisionAndEtaFollowsTheBoundsWhileLinked() {
        vm.tMaxMsProperty().set(vm.tMaxLimitProperty().get());
        vm.eMaxJProperty().set(vm.eMaxLimitProperty().get());
        assertEquals(vm.tMaxMsProperty().get() / vm.eMaxJProperty().get(), vm.etaProperty().get(), 1e-9);
        assertTrue(vm.evaluationProperty().get().feasible());

        vm.tMaxMsProperty().set(1e-3); // nothing is that fast
        assertFalse(vm.evaluationProperty().get().feasible());
        assertTrue(vm.readoutProperty().get().startsWith("No cut meets both bounds"));

        vm.tMaxMsProperty().set(vm.tMaxLimitProperty().get());
        vm.etaLinkedProperty().set(false);
        vm.etaProperty().set(0); // latency only
        int latencyOnly = vm.evaluationProperty().get().chosen().k();
        vm.etaProperty().set(1e9); // energy dominates
        double minE = vm.evaluationProperty().get().cuts().stream().filter(c -> c.feasible())
                .mapToDouble(c -> c.eJ()).min().orElseThrow();
        assertEquals(minE, vm.evaluationProperty().get().chosen().eJ(), 1e-12);
        double minT = vm.problemProperty().get().evaluate(vm.scenario().withEta(0)).cuts().stream()
                .filter(c -> c.feasible()).mapToDouble(c -> c.tMs()).min().orElseThrow();
        vm.etaProperty().set(0);
        assertEquals(minT, vm.evaluationProperty().get().chosen().tMs(), 1e-9);
        assertEquals(latencyOnly, vm.evaluationProperty().get().chosen().k(), "η back to 0: the same decision again");
    }

    @Test
    void editsUndoAndRedoAndADragIsOneEdit() {
        double before = vm.upMbpsProperty().get();
        vm.beginDrag(vm.upMbpsProperty());
        for (double v = 2; v <= 60; v += 2) {
            vm.upMbpsProperty().set(v);
        }
        vm.endDrag(vm.upMbpsProperty(), "uplink");
        vm.networkProperty().set(NetworkProfile.THREE_G);
        assertEquals("Undo network profile", vm.undoManager().undoTextProperty().get());

        vm.undoManager().undo();
        assertEquals(NetworkProfile.WIFI, vm.networkProperty().get());
        vm.undoManager().undo();
        assertEquals(before, vm.upMbpsProperty().get(), "the whole drag is undone at once");
        assertFalse(vm.undoManager().canUndoProperty().get());
        vm.undoManager().redo();
        assertEquals(60, vm.upMbpsProperty().get());
    }

    @Test
    void savedPoliciesReloadEveryLiveSetting() {
        vm.modelProperty().set("alexnet");
        vm.networkProperty().set(NetworkProfile.FOUR_G);
        vm.upMbpsProperty().set(7.5);
        vm.weightsCachedProperty().set(true);
        vm.etaLinkedProperty().set(false);
        vm.etaProperty().set(42);
        int chosen = vm.evaluationProperty().get().chosen().k();
        vm.policyNameProperty().set("field-test");
        vm.savePolicy();
        assertTrue(vm.policies().contains("field-test"));

        PolicyEditorViewModel other = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        other.activate();
        assertNotEquals("alexnet", other.modelProperty().get());
        other.loadPolicy("field-test");
        assertEquals("alexnet", other.modelProperty().get());
        assertEquals(NetworkProfile.FOUR_G, other.networkProperty().get());
        assertEquals(7.5, other.upMbpsProperty().get());
        assertTrue(other.weightsCachedProperty().get());
        assertEquals(42, other.etaProperty().get());
        assertEquals(chosen, other.evaluationProperty().get().chosen().k());
        assertFalse(other.undoManager().canUndoProperty().get(), "loading is not an edit");
    }
}
