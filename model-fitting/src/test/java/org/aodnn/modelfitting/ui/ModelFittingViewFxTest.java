package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.aodnn.db.Store;
import org.aodnn.db.testing.WorkerThreadsTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspace in a real (headless) window, driven like an operator: choose the edge server's GPU and three
 * models, fit on background threads, and see the four charts drawn, the metrics table filled and the
 * predictor stored; a long fit is cancelled from its Cancel button.
 */
class ModelFittingViewFxTest {

    @TempDir
    static Path shared;
    private static Store store;
    private WorkerThreadsTaskExecutor executor;
    private ModelFittingViewModel viewModel;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openStore() {
        store = Store.open(shared.resolve("x"));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void start() throws Exception {
        executor = new WorkerThreadsTaskExecutor("fit-view-test-worker", Platform::runLater,
                Platform::isFxApplicationThread);
        viewModel = new ModelFittingViewModel(store, executor);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new ModelFittingView(viewModel).root(), 1270, 790));
            stage.show();
        });
        FxToolkit.setupFixture(viewModel::activate);
        waitUntil("the edge server's models are listed", () -> listCell("#model-list", "alexnet") != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(viewModel::cancel);
        FxToolkit.setupFixture(viewModel::deactivate);
        FxToolkit.cleanupStages();
        executor.close();
    }

    @Test
    void fittingTheGpuOfThreeModelsDrawsTheChartsAndFillsTheTable() throws Exception {
        assertTrue(listCell("#device-list", "edge-server").getGraphic() instanceof javafx.scene.control.CheckBox box
                && box.isSelected(), "the first device is ticked");
        assertTrue(label("#devices-summary").contains("cpu (threads 1/2/4/16)"), label("#devices-summary"));
        tick("#backend-list", "cpu");
        robot.clickOn("#no-models");
        for (String model : List.of("alexnet", "mobilenet_v2", "resnet18")) {
            tick("#model-list", model);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("alexnet", "mobilenet_v2", "resnet18"), viewModel.selectedRows().stream()
                .map(r -> r.model()).collect(Collectors.toSet()));
        assertEquals(Set.of("gpu"), viewModel.selectedRows().stream().map(r -> r.platform()).collect(Collectors.toSet()));
        Button save = robot.lookup("#save-button").queryButton();
        assertTrue(save.isDisabled(), "nothing fitted yet");

        robot.clickOn("#fit-button");
        waitUntil("the metrics table is filled", () -> !table().getItems().isEmpty());
        // the table fills and the status line follows in the same UI event; this thread may look in between
        waitUntil("the status reports the fit", () -> label("#fit-status").startsWith("Fitted"));

        assertEquals("", label("#fit-error"));
        assertTrue(label("#fit-status").startsWith("Fitted a log latency predictor"), label("#fit-status"));
        XYChart<?, ?> measured = robot.lookup("#measured-vs-predicted-chart").queryAs(XYChart.class);
        assertEquals("measured latency ms (log scale)", measured.getXAxis().getLabel());
        assertEquals("predicted latency ms (log scale)", measured.getYAxis().getLabel());
        assertEquals(1.0, robot.lookup("#fit-progress").queryAs(ProgressBar.class).getProgress());
        assertTrue(robot.lookup("#cancel-button").queryButton().isDisabled());

        // every chart has series with data, and the points are drawn as nodes in the window
        for (String chart : List.of("#measured-vs-predicted-chart", "#residual-chart", "#cv-mse-chart", "#curve-chart")) {
            XYChart<?, ?> c = robot.lookup(chart).queryAs(XYChart.class);
            assertFalse(c.getData().isEmpty(), chart + " has no series");
            assertTrue(c.getData().stream().mapToInt(s -> s.getData().size()).sum() > 0, chart + " has no points");
            long drawn = c.getData().stream().flatMap(s -> s.getData().stream())
                    .filter(d -> d.getNode() != null && d.getNode().getScene() != null).count();
            assertTrue(drawn > 5, chart + " draws " + drawn + " points");
        }
        XYChart<?, ?> mvp = robot.lookup("#measured-vs-predicted-chart").queryAs(XYChart.class);
        assertEquals("+10 %", mvp.getData().get(0).getName());
        assertTrue(mvp.getData().stream().anyMatch(s -> s.getName().equals("convolution")));

        // a legend is the key to the family colours: the chart hides it when it does not fit
        for (String chart : List.of("#measured-vs-predicted-chart", "#residual-chart", "#cv-mse-chart", "#curve-chart")) {
            Node legend = robot.lookup(chart).query().lookup(".chart-legend");
            assertTrue(legend != null && legend.isVisible(), chart + " shows no legend");
        }

        // the metrics table compares the predictor with both baselines
        for (String method : List.of("predictor", "flops-linear", "least-squares")) {
            waitUntil("the table shows a row for " + method, () -> tableCell(method));
        }
        assertTrue(tableCell("gpu"));
        assertTrue(tableCell("all"));

        // store it under a typed name
        assertFalse(save.isDisabled());
        String offered = robot.lookup("#save-name").queryTextInputControl().getText();
        assertEquals("edge-server-gpu-log", offered, "a default name is offered");
        robot.clickOn("#save-name").push(KeyCode.END).eraseText(offered.length()).write("gpu-three");
        robot.clickOn("#save-button");
        // the list re-creates its cells as it fills: wait for the rendered text, not for one cell object
        waitUntil("the stored predictor is listed as 'gpu-three: gpu, latency ms ...'",
                () -> Optional.ofNullable(listCell("#stored-list", null)).map(ListCell::getText).orElse("")
                        .startsWith("gpu-three: gpu, latency ms"));
        // a stored latency predictor's platform becomes a calibration base for browser backends
        robot.clickOn("#calibration-choice").clickOn("gpu of predictor 'gpu-three'");
        assertEquals(new CalibrationBase("gpu-three", "gpu"), viewModel.calibrationBaseProperty().get());
        // energy needs phone measurements: the edge server has none, so Fit is off and the selection says why
        ScrollPane controls = robot.lookup("#fit-controls").queryAs(ScrollPane.class);
        robot.interact(() -> controls.setVvalue(0)); // the choice sits above the stored predictors
        robot.clickOn("#quantity-choice").clickOn("energy mJ (phones with battery power)");
        assertTrue(robot.lookup("#fit-button").queryButton().isDisabled());
        assertTrue(robot.lookup("#calibration-choice").query().isDisabled(), "calibration maps latencies only");
        assertTrue(label("#selection-summary").startsWith("No energy measured on the ticked devices"),
                label("#selection-summary"));
        assertEquals("Saved the predictor as 'gpu-three'.", label("#fit-status"));
        assertFalse(robot.lookup("#export-selected-button").queryButton().isDisabled());
    }

    @Test
    void switchingTheChartedPlatformRedrawsEveryChartWithItsOwnTypes() throws Exception {
        robot.clickOn("#no-models");
        for (String model : List.of("alexnet", "squeezenet1_1")) {
            tick("#model-list", model);
        }
        robot.clickOn("#fit-button");
        waitUntil("the status reports the fit", () -> label("#fit-status").startsWith("Fitted"));
        @SuppressWarnings("unchecked")
        ComboBox<String> platform = robot.lookup("#chart-platform").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> curveType = robot.lookup("#curve-type").queryAs(ComboBox.class);
        assertEquals(List.of("cpu", "gpu"), onFx(() -> List.copyOf(platform.getItems())));
        String charted = onFx(platform::getValue);
        String other = charted.equals("cpu") ? "gpu" : "cpu";

        robot.interact(() -> platform.setValue(other));
        assertEquals(other, viewModel.chartPlatformProperty().get());
        assertEquals("Conv2d", onFx(curveType::getValue), "the curve's type survives the new list of types");
        for (String chart : List.of("#measured-vs-predicted-chart", "#residual-chart", "#cv-mse-chart", "#curve-chart")) {
            XYChart<?, ?> c = robot.lookup(chart).queryAs(XYChart.class);
            assertTrue(onFx(() -> c.getData().stream().mapToInt(series -> series.getData().size()).sum()) > 0,
                    chart + " is empty after switching to " + other);
        }
    }

    @Test
    void aLongFitIsCancelledFromTheCancelButton() throws Exception {
        robot.clickOn("#evaluation-choice").clickOn("leave-one-model-out");
        assertEquals("leave-one-model-out", viewModel.evaluationProperty().get());
        robot.clickOn("#fit-button");
        waitUntil("the fit runs", () -> !robot.lookup("#cancel-button").queryButton().isDisabled());
        robot.clickOn("#cancel-button");
        waitUntil("the fit stops", () -> label("#fit-status").contains("cancelled"));
        assertEquals("The fit was cancelled; nothing was changed.", label("#fit-status"));
        assertTrue(table().getItems().isEmpty());
        assertTrue(robot.lookup("#cancel-button").queryButton().isDisabled());
        assertFalse(robot.lookup("#fit-button").queryButton().isDisabled());
    }

    private void tick(String list, String name) {
        ListView<?> view = robot.lookup(list).queryAs(ListView.class);
        robot.interact(() -> view.getItems().stream().filter(i -> i.toString().equals(name)).findFirst()
                .ifPresent(i -> view.scrollTo(view.getItems().indexOf(i))));
        // the scrolled-to cell is drawn on a later layout pulse
        AtomicReference<ListCell<?>> cell = new AtomicReference<>();
        waitUntil("'" + name + "' is shown in " + list, () -> {
            cell.set(listCell(list, name));
            return cell.get() != null;
        });
        robot.clickOn(cell.get().getGraphic()); // a CheckBoxListCell's graphic is its check box
    }

    /** The visible cell showing {@code text} (any non-empty cell when null), looked up on the FX thread. */
    private ListCell<?> listCell(String list, String text) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(list).lookup((Node n) -> n instanceof ListCell<?> c
                    && !c.isEmpty() && c.getText() != null && (text == null || text.equals(c.getText())))
                    .tryQuery().map(n -> (ListCell<?>) n).orElse(null)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not look up a cell in " + list, e);
        }
    }

    private boolean tableCell(String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#metrics-table").lookup((Node n) -> n instanceof TableCell<?, ?> c
                && text.equals(c.getText())).tryQuery().isPresent()).get(30, TimeUnit.SECONDS);
    }

    private TableView<?> table() {
        return robot.lookup("#metrics-table").queryAs(TableView.class);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; status: " + label("#fit-status")
                    + "; error: " + label("#fit-error"), e);
        }
    }
}
