package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.testing.WorkerThreadsTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Profiling Lab in a real (headless) window with the real headless Chromium, driven through its buttons:
 * a short session fills the results table and the latency chart as rows arrive; Cancel stops a longer one
 * and says so.
 */
class ProfilingLabViewFxTest {

    @TempDir
    Path dir;
    private Store store;
    private WorkerThreadsTaskExecutor executor;
    private ProfilingLabViewModel viewModel;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        store = Store.open(dir.resolve("lab"));
        executor = new WorkerThreadsTaskExecutor("lab-view-test-worker", Platform::runLater,
                Platform::isFxApplicationThread);
        viewModel = new ProfilingLabViewModel(store, executor, null, null);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            // within Monocle's headless screen (1280x800), or composing its pixels overflows
            stage.setScene(new Scene(new ProfilingLabView(viewModel).root(), 1200, 760));
            stage.show();
        });
        FxToolkit.setupFixture(viewModel::activate);
        waitUntil(() -> !viewModel.modelNames().isEmpty());
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupFixture(viewModel::cancel);
        waitUntil(() -> !viewModel.runningProperty().get());
        FxToolkit.setupFixture(viewModel::deactivate);
        FxToolkit.cleanupStages();
        executor.close();
        store.close();
    }

    private void choose(String layers) throws Exception {
        FxToolkit.setupFixture(() -> {
            viewModel.selectedModels().setAll("mobilenet_v2");
            viewModel.layerRangeProperty().set(layers);
            viewModel.warmupRunsProperty().set(1);
            viewModel.timedRunsProperty().set(2);
            viewModel.minTimeMsProperty().set(10);
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aShortSessionFillsTheTableAndTheChart() throws Exception {
        choose("0-2");
        Button start = robot.lookup("#start-button").queryButton();
        assertTrue(!start.isDisabled(), "Start is enabled once a model and a backend are chosen");

        robot.clickOn(start);
        waitUntil(() -> viewModel.runningProperty().get() || !viewModel.results().isEmpty());
        // the end of a session reloads the stored sessions and rows in the background: wait for those too
        waitUntil(() -> !viewModel.runningProperty().get() && executor.idle());

        TableView<ResultRow> table = robot.lookup("#result-table").queryTableView();
        assertEquals(3, table.getItems().size());
        assertEquals(3, robot.lookup("#result-table .table-row-cell")
                .match(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null).queryAll().size(),
                "three rows drawn");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#latency-chart").query();
        assertEquals(1, chart.getData().size());
        XYChart.Series<Number, Number> cpu = chart.getData().get(0);
        assertEquals("cpu", cpu.getName());
        assertEquals(3, cpu.getData().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, cpu.getData().get(i).getXValue().intValue());
            assertEquals(Math.log10(table.getItems().get(i).medianMs()), cpu.getData().get(i).getYValue().doubleValue(), 1e-12);
        }
        Label message = robot.lookup("#message-label").queryAs(Label.class);
        assertTrue(message.getText().contains("completed: 3 layer rows stored"), message.getText());
        // the counts are shown once, not again in the progress words beside them
        assertEquals("3 of 3 layer results", robot.lookup("#layers-label").queryAs(Label.class).getText());
        String progressWords = robot.lookup("#progress-label").queryAs(Label.class).getText();
        assertTrue(!progressWords.contains("layer results"), progressWords);
        TableView<ProfilingSessionInfo> sessions = robot.lookup("#session-table").queryTableView();
        assertEquals(1, sessions.getItems().size());
        assertEquals(ProfilingStatus.COMPLETED, sessions.getItems().get(0).status());
    }

    @Test
    void cancelStopsARunningSession() throws Exception {
        choose("0-60");
        robot.clickOn("#start-button");
        waitUntil(() -> viewModel.results().size() >= 2);
        Button cancel = robot.lookup("#cancel-button").queryButton();
        assertTrue(!cancel.isDisabled());

        robot.clickOn(cancel);
        waitUntil(() -> !viewModel.runningProperty().get() && executor.idle());

        Label message = robot.lookup("#message-label").queryAs(Label.class);
        assertTrue(message.getText().contains("was cancelled"), message.getText());
        TableView<ProfilingSessionInfo> sessions = robot.lookup("#session-table").queryTableView();
        assertEquals(ProfilingStatus.CANCELLED, sessions.getItems().get(0).status());
        int shown = robot.lookup("#result-table").queryTableView().getItems().size();
        assertTrue(shown >= 2 && shown < 61, "rows shown: " + shown);
        assertTrue(store.measurements().findBySession(sessions.getItems().get(0).id()).size() >= shown);
    }
}
