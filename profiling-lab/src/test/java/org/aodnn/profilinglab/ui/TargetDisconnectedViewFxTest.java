package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.aodnn.db.Store;
import org.aodnn.db.testing.WorkerThreadsTaskExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Target box in a real (headless) window with the real adb server and the virtual phone: the chosen phone
 * survives hiding and showing the workspace, and when it goes away the box keeps naming it, marked
 * disconnected (it went blank before), with the reason beside it and Start disabled.
 */
class TargetDisconnectedViewFxTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aGonePhoneStaysNamedInTheTargetBoxMarkedDisconnected() throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"));
             WorkerThreadsTaskExecutor executor = new WorkerThreadsTaskExecutor("target-view-test-worker",
                     Platform::runLater, Platform::isFxApplicationThread)) {
            String target = "adb:" + bed.serial;
            ProfilingLabViewModel viewModel = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(new ProfilingLabView(viewModel).root(), 1200, 760));
                stage.show();
            });
            try {
                FxToolkit.setupFixture(viewModel::activate);
                waitUntil(() -> viewModel.targets().contains(target));
                FxToolkit.setupFixture(() -> {
                    viewModel.selectedModels().setAll("mobilenet_v3_small");
                    viewModel.selectedTargetProperty().set(target);
                });
                ComboBox<String> combo = robot.lookup("#target-combo").queryComboBox();
                Button start = robot.lookup("#start-button").queryButton();
                Label problem = robot.lookup("#target-problem").queryAs(Label.class);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(target, combo.getButtonCell().getText());
                assertFalse(start.isDisabled());

                // another workspace is shown, then this one again
                FxToolkit.setupFixture(viewModel::deactivate);
                FxToolkit.setupFixture(viewModel::activate);
                waitUntil(() -> viewModel.phones().listingProperty().get() != null);
                assertEquals(target, combo.getValue(), "the chosen phone survives hiding the workspace");
                assertEquals(target, combo.getButtonCell().getText());
                assertFalse(start.isDisabled());

                bed.phone.close();
                waitUntil(() -> !viewModel.targetProblemProperty().get().isEmpty());
                assertEquals(target + " (disconnected)", combo.getButtonCell().getText(), "named, not blank");
                assertTrue(problem.getText().contains("is disconnected"), problem.getText());
                assertTrue(start.isDisabled(), "the reason is the label beside the target");
            } finally {
                FxToolkit.setupFixture(viewModel::deactivate);
                FxToolkit.cleanupStages();
            }
        }
    }
}
