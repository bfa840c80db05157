package org.aodnn.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import org.aodnn.db.Store;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.ui.chart.CutChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drags every slider of the Policy Editor in the real window and checks the decision and chart follow. */
class PolicyEditorWorkspaceTest {

    @TempDir
    Path dir;
    private Store store;
    private UiTaskExecutor executor;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        store = Store.open(dir.resolve("pe"));
        executor = new UiTaskExecutor();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> new WorkbenchWindow(store, executor, false).show(stage, () -> { }));
        robot.clickOn("#nav-policy-editor");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> chart().evaluation() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        store.close();
    }

    private CutChart chart() {
        return robot.lookup("#cut-chart").queryAs(CutChart.class);
    }

    private Slider slider(String id) {
        return robot.lookup(id).queryAs(Slider.class);
    }

    /** Scrolls the controls pane so that {@code node} is in view, as an operator would before using it. */
    private void reveal(Node node) {
        robot.interact(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane pane) {
                    Node content = pane.getContent();
                    double contentHeight = content.getBoundsInLocal().getHeight();
                    double viewHeight = pane.getViewportBounds().getHeight();
                    double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    pane.setVvalue(Math.max(0, Math.min(1, (y - viewHeight / 3) / Math.max(1, contentHeight - viewHeight))));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Drags the slider's thumb to a fraction of its track, like an operator with a mouse. */
    private void drag(String id, double fraction) {
        Slider slider = slider(id);
        reveal(slider);
        Node thumb = slider.lookup(".thumb");
        Bounds track = slider.localToScreen(slider.getBoundsInLocal());
        Bounds knob = thumb.localToScreen(thumb.getBoundsInLocal());
        double targetX = track.getMinX() + 6 + fraction * (track.getWidth() - 12);
        robot.drag(knob.getCenterX(), knob.getCenterY()).moveTo(targetX, knob.getCenterY()).release(
                javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Drags and checks that the chart was redrawn with the view model's new evaluation. */
    private Evaluation dragAndCheck(String id, double fraction) {
        Evaluation before = chart().evaluation();
        long redraws = chart().redrawCount();
        drag(id, fraction);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> chart().evaluation() != before);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " did not change the evaluation", e);
        }
        Evaluation after = chart().evaluation();
        assertNotSame(before, after, id + " must re-evaluate");
        assertTrue(chart().redrawCount() > redraws, id + " must redraw the chart");
        CutResult best = after.cuts().stream().filter(CutResult::feasible)
                .min(java.util.Comparator.comparingDouble(CutResult::objective)).orElse(null);
        if (best != null) {
            assertEquals(best.objective(), after.chosen().objective(), 1e-9, "chosen = best feasible objective");
        }
        return after;
    }

    @Test
    void everySliderMovesTheDecision() {
        String[] live = {"#up-slider", "#down-slider", "#power-slider", "#emax-slider"};
        for (String id : live) {
            dragAndCheck(id, 0.8);
        }
        Evaluation tight = dragAndCheck("#tmax-slider", 0.0);
        assertFalse(tight.feasible(), "T_max at its minimum leaves no feasible cut");
        Evaluation loose = dragAndCheck("#tmax-slider", 1.0);
        assertTrue(loose.feasible());
        assertTrue(tight.chosen().k() != loose.chosen().k() || tight.feasible() != loose.feasible());

        reveal(robot.lookup("#eta-link").query());
        robot.clickOn("#eta-link");
        Evaluation latencyOnly = dragAndCheck("#eta-slider", 0.0);
        assertEquals(0, latencyOnly.eta(), 1e-9);
        Evaluation energyHeavy = dragAndCheck("#eta-slider", 1.0);
        assertTrue(energyHeavy.eta() > latencyOnly.eta());
        assertTrue(energyHeavy.chosen().eJ() <= latencyOnly.chosen().eJ() + 1e-12,
                "weighting energy more never picks a more energy-hungry cut");

        robot.clickOn("#undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, chart().evaluation().eta(), 1e-9, "undo returns to the previous η");
    }
}
