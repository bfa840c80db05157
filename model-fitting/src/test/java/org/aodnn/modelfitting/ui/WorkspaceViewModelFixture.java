package org.aodnn.modelfitting.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.aodnn.db.Store;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workspace view model tests share: a real database holding the sample measurements (opened once per
 * test class), a fresh view model per test with every task run on the test thread, and the small real subset
 * (edge server GPU, three models) that keeps fits fast.
 */
abstract class WorkspaceViewModelFixture {

    static final List<String> THREE_MODELS = List.of("alexnet", "resnet18", "squeezenet1_1");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    static Store store;
    ModelFittingViewModel vm;

    @BeforeAll
    static void openStore() {
        store = Store.open(shared.resolve("x"));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void newViewModel() {
        store.dsl().deleteFrom(org.aodnn.db.jooq.Tables.PREDICTOR).execute();
        vm = new ModelFittingViewModel(store, new CurrentThreadTaskExecutor());
        vm.activate();
    }

    void chooseGpuSubset() {
        vm.selectDevices(List.of("edge-server"));
        vm.selectBackends(List.of("gpu"));
        vm.selectModels(THREE_MODELS);
    }

    static List<String> ticked(List<SelectableItem> items) {
        return items.stream().filter(SelectableItem::isSelected).map(SelectableItem::name).toList();
    }

    static List<String> names(List<SelectableItem> items) {
        return items.stream().map(SelectableItem::name).toList();
    }

    static List<String> seriesNames(List<XYChart.Series<Number, Number>> series) {
        return series.stream().map(XYChart.Series::getName).toList();
    }

    static int pointCount(List<XYChart.Series<Number, Number>> series) {
        return series.stream().mapToInt(s -> s.getData().size()).sum();
    }
}
