package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.aodnn.db.Store;
import org.aodnn.db.testing.WorkerThreadsTaskExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Phones tab's controls in a real (headless) window with the real adb server and the virtual phone:
 * clicking the phone shows its policies, a governor chosen in the combo box is set with the button and read
 * back into the status line and the policy table, the selection survives the live refreshes, and "Reset
 * device" puts the original back.
 */
class PhoneControlsViewFxTest {

    @TempDir
    Path dir;
    private AdbTestBed bed;
    private Store store;
    private WorkerThreadsTaskExecutor executor;
    private ProfilingLabViewModel viewModel;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        bed = AdbTestBed.start(dir.resolve("phone"), true);
        store = Store.open(dir.resolve("lab"));
        executor = new WorkerThreadsTaskExecutor("lab-view-test-worker", Platform::runLater,
                Platform::isFxApplicationThread);
        viewModel = new ProfilingLabViewModel(store, executor, null, bed.server.address());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new ProfilingLabView(viewModel).root(), 1200, 760));
            stage.show();
        });
        FxToolkit.setupFixture(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "phones-tab".equals(t.getId()))
                    .findFirst().orElseThrow());
            viewModel.activate();
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupFixture(viewModel::deactivate);
        FxToolkit.cleanupStages();
        executor.close();
        store.close();
        bed.close();
    }

    @Test
    void setAGovernorThroughTheControlsAndResetTheDevice() throws Exception {
        PhoneControlsViewModel controls = viewModel.phoneControls();
        waitUntil(() -> viewModel.phones().devices().stream().anyMatch(d -> d.serial().equals(bed.serial)));
        Button apply = robot.lookup("#set-frequency-button").queryButton();
        Button reset = robot.lookup("#reset-device-button").queryButton();
        assertTrue(apply.isDisabled() && reset.isDisabled(), "no controls before a phone is selected");

        waitUntilShown(bed.serial);
        robot.clickOn(bed.serial);
        waitUntil(() -> controls.loadedProperty().get() && !controls.busyProperty().get());
        TableView<CpuPolicy> policies = robot.lookup("#policy-table").queryTableView();
        assertEquals(List.of(0, 4, 7), policies.getItems().stream().map(CpuPolicy::id).toList());
        assertEquals(0, policies.getSelectionModel().getSelectedItem().id(), "the first policy is selected");
        assertFalse(apply.isDisabled());

        // Another policy chosen in the table fills the combo boxes with its values.
        waitUntilShown("policy7");
        robot.clickOn("policy7");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, controls.selectedPolicyIdProperty().get());
        ComboBox<String> governor = robot.lookup("#governor-combo").queryComboBox();
        ComboBox<Long> max = robot.lookup("#max-freq-combo").queryComboBox();
        CpuPolicy p7 = policies.getSelectionModel().getSelectedItem();
        assertEquals("schedutil", governor.getValue());
        assertEquals(p7.availableGovernors(), governor.getItems());
        assertEquals(p7.scalingMaxKhz(), max.getValue());
        assertEquals(p7.availableFreqsKhz(), max.getItems());

        FxToolkit.setupFixture(() -> governor.setValue("powersave"));
        robot.clickOn(apply);
        waitUntil(() -> !controls.busyProperty().get() && controls.statusProperty().get().contains("reads back"));
        Label status = robot.lookup("#phone-controls-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("policy7 of " + bed.serial + " reads back governor powersave"),
                status.getText());
        waitUntil(() -> onFx(() -> "powersave".equals(policies.getItems().get(2).governor())));
        assertEquals(p7.availableFreqsKhz().get(0), policies.getItems().get(2).curFreqKhz(), "powersave runs at the minimum");

        // The live refresh replaces the rows: the phone and the policy stay selected.
        Instant readBack = stateTakenAt();
        waitUntil(() -> stateTakenAt().isAfter(readBack));
        assertEquals(bed.serial, controls.selectedSerialProperty().get());
        assertEquals(bed.serial, robot.lookup("#phone-table").<DeviceRow>queryTableView().getSelectionModel()
                .getSelectedItem().serial());
        assertEquals(7, policies.getSelectionModel().getSelectedItem().id());

        robot.clickOn(reset);
        waitUntil(() -> !controls.busyProperty().get() && status.getText().contains("restored"));
        waitUntil(() -> onFx(() -> "schedutil".equals(policies.getItems().get(2).governor())));
        assertEquals("schedutil", governor.getValue());
    }

    @Test
    void aChosenPhoneTargetStaysChosenThroughTheLiveRefreshes() throws Exception {
        String phone = "adb:" + bed.serial;
        waitUntil(() -> onFx(() -> viewModel.targets().contains(phone)));
        @SuppressWarnings("unchecked")
        ComboBox<String> target = robot.lookup("#target-combo").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(phone));
        assertEquals(phone, viewModel.selectedTargetProperty().get());

        for (int refresh = 0; refresh < 2; refresh++) {
            Instant seen = stateTakenAt();
            waitUntil(() -> stateTakenAt().isAfter(seen));
        }
        assertEquals(phone, onFx(target::getValue));
        assertEquals(phone, onFx(() -> viewModel.selectedTargetProperty().get()));
    }

    /** When the newest state of the phone shown was read. */
    private Instant stateTakenAt() throws Exception {
        return onFx(() -> viewModel.phones().states().get(bed.serial).takenAt());
    }

    /** Waits until a node showing {@code text} is drawn: a view model can hold a row the table has not drawn yet. */
    private void waitUntilShown(String text) throws Exception {
        waitUntil(() -> onFx(() -> robot.lookup(text).tryQuery().isPresent()));
    }

    /** Reads on the FX thread, which is the one that changes the tables and the view model's maps. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
