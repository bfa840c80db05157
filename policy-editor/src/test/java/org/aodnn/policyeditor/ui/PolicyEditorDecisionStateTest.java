package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aodnn.policyeditor.policy.PolicyStore;
import org.junit.jupiter.api.Test;

/**
 * What the editor shows and saves when the settings give no decision, and when they give one again: no stale
 * decision of another model, no stale error, no policy saved that cannot be evaluated, and a warning before a
 * Save replaces another policy. Also bounds typed rather than dragged.
 */
class PolicyEditorDecisionStateTest extends EditorViewModelFixture {

    /** In the catalog, but not measured in the browser (the sample data has 14 of the 18 models). */
    private static final String UNMEASURED = "googlenet";

    @Test
    void aModelWithoutMeasurementsShowsNoDecisionNotTheLastModelsOne() {
        assertTrue(vm.readoutProperty().get().startsWith("Chosen cut"), vm.readoutProperty().get());
        vm.modelProperty().set(UNMEASURED);
        assertNull(vm.problemProperty().get());
        assertNull(vm.evaluationProperty().get());
        assertTrue(vm.readoutProperty().get().startsWith("No decision: "), vm.readoutProperty().get());
        assertFalse(vm.readoutProperty().get().contains("Chosen cut"));
    }

    @Test
    void settingsWithoutADecisionAreNotSavedAndDoNotReplaceAGoodPolicy() {
        vm.policyNameProperty().set("good");
        vm.savePolicy();
        String savedModel = new PolicyStore(store).require("good").settings().model();

        vm.modelProperty().set(UNMEASURED);
        assertEquals("The saved policy 'good' is for " + savedModel + "; saving replaces it with one for "
                + UNMEASURED + ".", vm.replaceWarning());
        vm.savePolicy();
        assertTrue(vm.statusProperty().get().startsWith("Cannot save 'good': these settings give no decision"),
                vm.statusProperty().get());
        assertEquals(savedModel, new PolicyStore(store).require("good").settings().model(), "the good one is kept");

        vm.policyNameProperty().set("new-name");
        vm.savePolicy();
        assertTrue(new PolicyStore(store).load("new-name").isEmpty());
    }

    @Test
    void savingReplacesOnlyAfterAWarningUnlessItIsThePolicyBeingEdited() {
        vm.policyNameProperty().set("mine");
        assertNull(vm.replaceWarning(), "a new name replaces nothing");
        vm.savePolicy();
        vm.upMbpsProperty().set(20);
        assertNull(vm.replaceWarning(), "saving the policy being edited again");

        vm.policyNameProperty().set("other");
        vm.savePolicy();
        vm.policyNameProperty().set("mine");
        assertEquals("A policy named 'mine' is already saved; saving replaces it with these settings.",
                vm.replaceWarning());
    }

    @Test
    void anErrorIsClearedOnceTheSettingsGiveADecisionAgain() {
        String summary = vm.statusProperty().get();
        assertTrue(summary.startsWith("mobilenet_v2: "), summary);
        assertFalse(vm.editNetwork(NetworkParameter.ALPHA_UP, "-5"));
        assertTrue(vm.statusProperty().get().startsWith("α_u"), vm.statusProperty().get());
        assertTrue(vm.editNetwork(NetworkParameter.ALPHA_UP, "300"));
        assertEquals(summary, vm.statusProperty().get(), "the status no longer shows the corrected error");

        assertFalse(vm.editBound(BoundParameter.T_MAX, "0"));
        assertTrue(vm.statusProperty().get().startsWith("T_max: 0 must be from"), vm.statusProperty().get());
        vm.upMbpsProperty().set(12);
        assertEquals(summary, vm.statusProperty().get());
    }

    @Test
    void typedBoundsWidenTheSlidersAndAreUndoable() {
        double limit = vm.tMaxLimitProperty().get();
        assertTrue(vm.editBound(BoundParameter.T_MAX, String.valueOf(limit * 3)));
        assertEquals(limit * 3, vm.tMaxMsProperty().get());
        assertTrue(vm.tMaxLimitProperty().get() >= limit * 3, "the slider reaches the typed bound");
        assertNotNull(vm.evaluationProperty().get());
        assertEquals("Undo T_max", vm.undoManager().undoTextProperty().get());

        assertTrue(vm.editBound(BoundParameter.E_MAX, "0.0042"));
        assertEquals(0.0042, vm.eMaxJProperty().get());
        assertTrue(vm.editBound(BoundParameter.ETA, "7.5"));
        assertFalse(vm.etaLinkedProperty().get(), "a typed η is the operator's, not T_max / E_max");
        assertEquals(7.5, vm.evaluationProperty().get().eta(), 1e-12);

        assertFalse(vm.editBound(BoundParameter.E_MAX, "lots"));
        assertEquals(0.0042, vm.eMaxJProperty().get());
        vm.undoManager().undo();
        vm.undoManager().undo();
        assertEquals(limit * 3, vm.tMaxMsProperty().get());
        assertTrue(vm.etaLinkedProperty().get());
    }

    @Test
    void changesSinceTheLastSaveOrLoadAreMarkedUnsaved() {
        assertFalse(vm.unsavedProperty().get(), "nothing saved or loaded: nothing to compare with");
        vm.policyNameProperty().set("marked");
        vm.savePolicy();
        assertFalse(vm.unsavedProperty().get());
        vm.upMbpsProperty().set(vm.upMbpsProperty().get() + 5);
        assertTrue(vm.unsavedProperty().get());
        vm.undoManager().undo();
        assertFalse(vm.unsavedProperty().get(), "undone: the settings are the saved ones again");
        vm.editBound(BoundParameter.T_MAX, "12345");
        assertTrue(vm.unsavedProperty().get());
        vm.loadPolicy("marked");
        assertFalse(vm.unsavedProperty().get(), "reloaded as saved");
    }

    @Test
    void whileANewChoiceIsPreparedNoDecisionIsShownAndSaveWaits() throws Exception {
        org.aodnn.db.testing.QueuedUiExecutor queued = org.aodnn.db.testing.QueuedUiExecutor.outcomesQueued();
        PolicyEditorViewModel slow = new PolicyEditorViewModel(store, queued);
        slow.activate();
        queued.drain();
        queued.drain();
        org.junit.jupiter.api.Assertions.assertNotNull(slow.evaluationProperty().get());

        slow.modelProperty().set(UNMEASURED); // its build's outcome waits in the queue, as it would on a worker
        assertNull(slow.evaluationProperty().get(), "not the previous model's decision under the new name");
        assertTrue(slow.readoutProperty().get().startsWith("No decision: preparing " + UNMEASURED),
                slow.readoutProperty().get());
        slow.policyNameProperty().set("too-early");
        slow.savePolicy();
        assertTrue(slow.statusProperty().get().startsWith("Cannot save 'too-early': these settings give no decision"
                + " (still preparing"), slow.statusProperty().get());
        queued.drain();
        assertTrue(new PolicyStore(store).load("too-early").isEmpty());
    }
}
