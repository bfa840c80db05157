package org.aodnn.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.controlsfx.control.TaskProgressView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The background tasks list (shown in the Tasks… popover): a task with a long title and message keeps its
 * Cancel button inside the list, where the operator can click it (the texts widened the cell and pushed the
 * button out of view behind a scroll bar).
 */
class TaskListLayoutFxTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch reported = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongTaskTextKeepsTheCancelButtonInView() throws Exception {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                updateTitle("Profiling mobilenet_v3_large on adb:127.0.0.1:5565 (AoDNN Virtual Phone, simulated), wasm");
                updateMessage("layer 57 of 79: features.12.block.2.fc1 (Conv2d 1x1, 672 -> 168) measured 0.412 ms,"
                        + " battery 3,712 mW, CPU 1,804 MHz");
                updateProgress(57, 79);
                reported.countDown();
                release.await(60, TimeUnit.SECONDS);
                return null;
            }
        };
        FxToolkit.registerPrimaryStage();
        java.util.concurrent.atomic.AtomicReference<TaskProgressView<Task<?>>> shown =
                new java.util.concurrent.atomic.AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            TaskProgressView<Task<?>> view = new TaskProgressView<>();
            shown.set(view);
            view.getTasks().add(task);
            view.setPrefSize(460, 300);
            view.getStylesheets().add(MainWindowView.class.getResource("/org/aodnn/assets/css/workbench.css")
                    .toExternalForm());
            stage.setScene(new Scene(view, 460, 300));
            stage.show();
        });
        Thread worker = new Thread(task, "long task");
        worker.setDaemon(true);
        worker.start();
        assertTrue(reported.await(20, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents(); // the texts reach the FX thread, then the list lays them out
        WaitForAsyncUtils.waitForFxEvents();
        Node cancel = shown.get().lookup(".task-cancel-button");
        assertNotNull(cancel, "no cancel button drawn");
        Bounds button = cancel.localToScene(cancel.getBoundsInLocal());
        assertTrue(button.getMaxX() <= 460, "the Cancel button ends at x=" + button.getMaxX() + " in a 460 px list");
    }
}
