package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.chart.XYChart;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.modelfitting.EnergyFitTest;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's view model against a real database holding the sample measurements, with every task run
 * on the test thread. Fits use a small real subset (edge server GPU, three models) to stay fast.
 */
class ModelFittingViewModelTest {

    static final List<String> THREE_MODELS = List.of("alexnet", "resnet18", "squeezenet1_1");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    private static Store store;
    private ModelFittingViewModel vm;

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

    private void chooseGpuSubset() {
        vm.selectDevices(List.of("edge-server"));
        vm.selectBackends(List.of("gpu"));
        vm.selectModels(THREE_MODELS);
    }

    @Test
    void activationListsTheStoredProfilesAndTheirBackendsAndModels() {
        assertTrue(names(vm.devices()).containsAll(List.of("edge-server", "reference-browser")), names(vm.devices()).toString());
        assertEquals(List.of("edge-server"), ticked(vm.devices()), "the first device is ticked");
        assertEquals(List.of("cpu", "gpu"), names(vm.backends()));
        assertEquals(14, vm.models().size(), names(vm.models()).toString());
        assertTrue(vm.models().stream().allMatch(SelectableItem::isSelected), "everything is chosen by default");
        assertTrue(vm.devicesSummaryProperty().get().contains("cpu (threads 1/2/4/16)"),
                vm.devicesSummaryProperty().get());
        assertTrue(vm.canFitBinding().get());

        vm.selectDevices(List.of("reference-browser"));
        assertEquals(List.of("browser/cpu", "browser/wasm"), names(vm.backends()));
        assertFalse(vm.models().isEmpty());
    }

    @Test
    void aFitFillsTheFourChartsAndTheMetricsTable() {
        chooseGpuSubset();
        List<LayerSample> rows = vm.selectedRows();
        assertEquals(Set.of("gpu"), rows.stream().map(LayerSample::platform).collect(Collectors.toSet()));
        assertEquals(Set.copyOf(THREE_MODELS), rows.stream().map(LayerSample::model).collect(Collectors.toSet()));
        assertEquals(rows.size() + " rows selected", vm.selectionSummaryProperty().get());

        vm.fit();

        assertEquals("", vm.errorProperty().get());
        FitOutcome outcome = vm.outcomeProperty().get();
        assertNotNull(outcome, vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals("log", outcome.document().mode());
        assertEquals(List.of("gpu"), vm.chartPlatforms());
        assertEquals("gpu", vm.chartPlatformProperty().get());

        // measured vs predicted: the two band lines, then one series per family holding every layer (log10 ms)
        List<XYChart.Series<Number, Number>> mvp = vm.measuredVsPredicted();
        assertEquals(FitCharts.BAND_UPPER, mvp.get(0).getName());
        assertEquals(FitCharts.BAND_LOWER, mvp.get(1).getName());
        XYChart.Data<Number, Number> upperEnd = mvp.get(0).getData().get(1);
        assertEquals(Math.log10(1.1), upperEnd.getYValue().doubleValue() - upperEnd.getXValue().doubleValue(), 1e-12);
        Set<String> families = rows.stream().map(r -> r.family().id()).collect(Collectors.toSet());
        Set<String> seriesNames = mvp.subList(2, mvp.size()).stream().map(XYChart.Series::getName)
                .collect(Collectors.toSet());
        assertEquals(families, seriesNames);
        assertEquals(rows.size(), mvp.subList(2, mvp.size()).stream().mapToInt(s -> s.getData().size()).sum());
        long flagged = outcome.predictorPoints().stream().filter(p -> !p.flag().isEmpty()).count();
        assertTrue(flagged > 0, "alexnet's and resnet18's four Linear layers are too few for a model of their own");
        assertTrue(vm.chartNoteProperty().get().startsWith(flagged + " of " + rows.size() + " layers were predicted by a fallback"),
                vm.chartNoteProperty().get());
        PointPrediction first = outcome.predictorPoints().get(0);
        assertTrue(mvp.stream().skip(2).flatMap(s -> s.getData().stream()).anyMatch(d ->
                d.getXValue().doubleValue() == Math.log10(first.measuredMs())
                        && d.getYValue().doubleValue() == Math.log10(first.predictedMs())));

        // residuals against FLOPs (log axis: FLOPs span decades), relative in %
        assertEquals("flops", vm.residualFeatureProperty().get());
        assertTrue(vm.residualLogXProperty().get());
        assertEquals(families.size() + 2, vm.residuals().size());
        assertEquals(FitCharts.BAND_UPPER, vm.residuals().get(0).getName());
        assertEquals(10.0, vm.residuals().get(0).getData().get(0).getYValue().doubleValue());
        assertTrue(pointCount(vm.residuals()) > rows.size() / 2);
        vm.residualFeatureProperty().set("stride");
        assertFalse(vm.residualLogXProperty().get(), "stride is 0..4: a linear axis");
        assertTrue(vm.residualAxisLabelProperty().get().startsWith("stride"));

        // CV MSE per degree: one line per unit model, degrees from 1 up
        assertFalse(vm.cvMse().isEmpty());
        assertTrue(vm.cvMse().stream().anyMatch(s -> s.getName().startsWith("Conv2d")), names2(vm.cvMse()).toString());
        assertTrue(vm.cvMse().stream().flatMap(s -> s.getData().stream())
                .anyMatch(d -> d.getXValue().intValue() == 1));

        // curve along FLOPs for the most frequent type, over the measured layers of that type
        assertEquals("Conv2d", vm.curveTypeProperty().get(), "standard convolutions are shown first");
        assertEquals(2, vm.curve().size());
        assertEquals(60, vm.curve().get(0).getData().size());
        long conv = rows.stream().filter(r -> r.typeKey().equals("Conv2d")).count();
        assertEquals(conv, vm.curve().get(1).getData().size());
        assertTrue(vm.curveNoteProperty().get().contains("Conv2d"), vm.curveNoteProperty().get());

        // metrics: the predictor and both baselines, overall and per family, model level on the overall lines
        Set<String> methods = vm.metrics().stream().map(MetricsTableRow::method).collect(Collectors.toSet());
        assertEquals(Set.of("predictor", "flops-linear", "least-squares"), methods);
        MetricsTableRow overall = vm.metrics().get(0);
        assertEquals("gpu", overall.platform());
        assertEquals(EvaluationReport.ALL, overall.family());
        assertEquals("predictor", overall.method());
        assertEquals(rows.size(), overall.layer().rows());
        assertTrue(overall.modelLevelWithin10().endsWith("of 3)"), overall.modelLevelWithin10());
        assertTrue(overall.mape().endsWith("%"));
        assertTrue(vm.metrics().stream().anyMatch(r -> r.family().equals("convolution")
                && r.method().equals("flops-linear") && r.modelLevelWithin10().isEmpty()));
        assertTrue(vm.metricsCaptionProperty().get().contains("in sample"));
        assertTrue(vm.statusProperty().get().startsWith("Fitted a log latency predictor on " + rows.size() + " rows"),
                vm.statusProperty().get());
    }

    @Test
    void leaveOneModelOutFillsTheTableWithHeldOutAccuracy() {
        chooseGpuSubset();
        vm.modeProperty().set("log-split");
        vm.evaluationProperty().set("leave-one-model-out");
        vm.fit();
        FitOutcome outcome = vm.outcomeProperty().get();
        assertNotNull(outcome, vm.errorProperty().get());
        assertNotNull(outcome.leaveOneModelOut());
        assertEquals("log-split", outcome.document().mode());
        assertTrue(vm.metricsCaptionProperty().get().contains("leave-one-model-out"));
        MetricsTableRow overall = vm.metrics().get(0);
        assertEquals(outcome.leaveOneModelOut().metric("predictor", "gpu", EvaluationReport.ALL).layer(),
                overall.layer());
    }

    @Test
    void badSelectionsAreExplainedAndNothingRuns() {
        chooseGpuSubset();
        vm.selectAllModels(false);
        assertFalse(vm.canFitBinding().get());
        vm.fit();
        assertEquals("Choose at least one model to fit.", vm.errorProperty().get());
        assertNull(vm.outcomeProperty().get());

        vm.selectModels(List.of("alexnet"));
        vm.selectBackends(List.of());
        vm.fit();
        assertEquals("Choose at least one backend to fit.", vm.errorProperty().get());

        vm.selectBackends(List.of("gpu"));
        vm.evaluationProperty().set("leave-one-model-out");
        vm.fit();
        assertTrue(vm.errorProperty().get().startsWith("Leave-one-model-out needs at least two models"));
        assertNull(vm.outcomeProperty().get());

        vm.save();
        assertEquals("Nothing to save: fit a predictor first.", vm.errorProperty().get());
        vm.exportFit(dir.resolve("nothing.json"));
        assertEquals("Nothing to export: fit a predictor first.", vm.errorProperty().get());
        assertFalse(Files.exists(dir.resolve("nothing.json")));
        vm.exportSelected(dir.resolve("nothing.json"));
        assertEquals("Choose a stored predictor to export.", vm.errorProperty().get());
    }

    @Test
    void cancellingAFitLeavesTheWorkspaceAsItWas() {
        chooseGpuSubset();
        vm.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0) {
                vm.cancel();
            }
        });
        vm.fit();
        assertNull(vm.outcomeProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals("The fit was cancelled; nothing was changed.", vm.statusProperty().get());
        assertTrue(vm.measuredVsPredicted().isEmpty());
        assertTrue(vm.metrics().isEmpty());
    }

    @Test
    void saveRefusesADuplicateNameUnlessReplacingAndExportGivesTheSameDocument() throws Exception {
        chooseGpuSubset();
        vm.fit();
        PredictorDocument fitted = vm.outcomeProperty().get().document();
        assertEquals("edge-server-gpu-log", vm.saveNameProperty().get(), "a default name is offered");

        vm.saveNameProperty().set("  gpu-three  ");
        vm.save();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("gpu-three"), vm.storedPredictors().stream().map(StoredPredictor::name).toList());
        assertEquals("gpu-three", vm.selectedStoredProperty().get().name());
        assertEquals("gpu", vm.storedPredictors().get(0).platform());

        vm.save();
        assertTrue(vm.errorProperty().get().contains("already exists"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("tick Replace"), vm.errorProperty().get());
        assertEquals(1, vm.storedPredictors().size());
        vm.replaceExistingProperty().set(true);
        vm.save();
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, vm.storedPredictors().size());

        Path stored = dir.resolve("stored.json");
        vm.exportSelected(stored);
        assertEquals("", vm.errorProperty().get());
        Path fit = dir.resolve("fit.json");
        vm.exportFit(fit);
        assertEquals("", vm.errorProperty().get());
        PredictorEvaluator original = new PredictorEvaluator(fitted);
        for (Path file : List.of(stored, fit)) {
            PredictorEvaluator loaded = new PredictorEvaluator(PredictorJson.read(file));
            for (LayerSample s : vm.selectedRows()) {
                assertEquals(original.predict(s).ms(), loaded.predict(s).ms(), 0.0, file + " " + s);
            }
        }

        Path missingDir = dir.resolve("no-such-dir").resolve("p.json");
        vm.exportFit(missingDir);
        assertTrue(vm.errorProperty().get().startsWith("Cannot export the fitted predictor to " + missingDir),
                vm.errorProperty().get());

        vm.deleteSelected();
        assertTrue(vm.storedPredictors().isEmpty());
        assertEquals("Deleted predictor 'gpu-three'.", vm.statusProperty().get());
    }

    @Test
    void theOfferedSaveNameFollowsEachFitUntilTheOperatorTypesOne() {
        chooseGpuSubset();
        vm.fit();
        assertEquals("edge-server-gpu-log", vm.saveNameProperty().get());
        vm.modeProperty().set("paper");
        vm.fit();
        assertEquals("edge-server-gpu-paper", vm.saveNameProperty().get(), "an offered name is renewed");
        vm.saveNameProperty().set("mine");
        vm.modeProperty().set("log");
        vm.fit();
        assertEquals("mine", vm.saveNameProperty().get(), "a typed name is kept");
    }

    @Test
    void aCurveAlongAConstantFeatureUsesALinearAxis() {
        chooseGpuSubset();
        vm.fit();
        vm.curveTypeProperty().set("ReLU");
        vm.curveFeatureProperty().set("kernel_area");
        assertFalse(vm.curveLogXProperty().get());
        assertEquals(2, vm.curve().size());
        assertFalse(vm.curve().get(1).getData().isEmpty());
    }

    @Test
    void anEmptyDatabaseSaysWhatToDoFirst() {
        try (Store empty = Store.open(dir.resolve("empty"), false)) {
            ModelFittingViewModel fresh = new ModelFittingViewModel(empty, new CurrentThreadTaskExecutor());
            fresh.activate();
            assertTrue(fresh.devices().isEmpty());
            assertTrue(fresh.statusProperty().get().startsWith("No measurements are stored yet"),
                    fresh.statusProperty().get());
            assertFalse(fresh.canFitBinding().get());
            fresh.fit();
            assertEquals("No measurements to fit: tick a device with stored measurements.",
                    fresh.errorProperty().get());
        }
    }

    @Test
    void aDamagedStoredPredictorIsNotExportedAndTheErrorNamesIt() {
        new org.aodnn.db.repo.PredictorRepository(store.dsl()).save(new StoredPredictor("damaged", "gpu", "latency_ms",
                1, "sha256:0", "{\"schemaVersion\": 7}", "{}", null), false);
        vm.reloadPredictors();
        vm.selectedStoredProperty().set(vm.storedPredictors().get(0));
        Path file = dir.resolve("damaged.json");
        vm.exportSelected(file);
        assertTrue(vm.errorProperty().get().startsWith("Cannot export predictor 'damaged' to " + file + ": "),
                vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("stored predictor 'damaged': not a predictor document"), vm.errorProperty().get());
        assertFalse(Files.exists(file));
    }

    @Test
    void energyIsFittedFromTheRowsThatMeasuredItAndShownInMillijoules() throws Exception {
        // SYNTHETIC BY CONSTRUCTION (see EnergyFitTest): real latency rows with energy = power x latency + cost
        List<LayerMeasurement> rows = EnergyFitTest.rowsWithEnergy().stream().map(m -> new LayerMeasurement(
                new MeasurementKey("synthetic-phone", m.key().model(), m.key().layerIndex(), m.key().target(),
                        m.key().threads(), m.key().backend(), m.key().browser()), m.layerName(), m.geometry(),
                m.latencyMs(), null, null, null, m.reps(), null, m.energyMj(), null, null)).toList();
        try (Store phone = Store.open(dir.resolve("phone"), false)) {
            phone.measurements().upsertAll(rows);
            ModelFittingViewModel e = new ModelFittingViewModel(phone, new CurrentThreadTaskExecutor());
            e.activate();
            assertEquals(List.of("synthetic-phone"), ticked(e.devices()));
            long withEnergy = rows.stream().filter(m -> m.energyMj() != null).count();
            assertTrue(e.devicesSummaryProperty().get().endsWith("; " + withEnergy + " rows with energy"),
                    e.devicesSummaryProperty().get());
            e.selectBackends(List.of("cpu"));
            List<LayerMeasurement> cpu = rows.stream().filter(m -> m.key().target().equals("cpu")).toList();
            long cpuWithEnergy = cpu.stream().filter(m -> m.energyMj() != null).count();
            assertEquals(cpu.size() + " rows selected", e.selectionSummaryProperty().get());

            e.quantityProperty().set(Quantity.ENERGY);
            assertEquals(cpuWithEnergy + " rows with energy selected (" + (cpu.size() - cpuWithEnergy)
                    + " ticked rows without energy_mj left out)", e.selectionSummaryProperty().get());
            List<LayerSample> selected = e.selectedRows();
            assertEquals(cpuWithEnergy, selected.size());
            assertEquals(cpu.stream().filter(m -> m.energyMj() != null).mapToDouble(LayerMeasurement::energyMj).sum(),
                    selected.stream().mapToDouble(LayerSample::latencyMs).sum(), 1e-9, "the fit trains on energy");

            e.fit();
            assertEquals("", e.errorProperty().get());
            FitOutcome outcome = e.outcomeProperty().get();
            assertEquals(PredictorDocument.QUANTITY_ENERGY, outcome.document().quantity());
            assertTrue(e.statusProperty().get().startsWith("Fitted a log energy predictor on " + cpuWithEnergy + " rows"),
                    e.statusProperty().get());
            assertEquals("energy mJ", e.valueNameProperty().get());
            MetricsTableRow overall = e.metrics().get(0);
            assertEquals("predictor", overall.method());
            assertTrue(overall.rmse().endsWith(" mJ") && overall.rows().endsWith("> 0 mJ)"), overall.rows());
            assertTrue(e.metricsCaptionProperty().get().startsWith("Energy accuracy"), e.metricsCaptionProperty().get());
            assertFalse(e.measuredVsPredicted().isEmpty());
            assertEquals("synthetic-phone-cpu-log-energy", e.saveNameProperty().get());
            e.save();
            assertEquals(PredictorDocument.QUANTITY_ENERGY, e.storedPredictors().get(0).quantity());
            assertEquals(List.of(CalibrationBase.NONE), e.calibrationBases(), "an energy predictor is no latency base");

            e.quantityProperty().set(Quantity.LATENCY);
            e.fit();
            assertEquals(PredictorDocument.QUANTITY_LATENCY, e.outcomeProperty().get().document().quantity());
            assertEquals("latency ms", e.valueNameProperty().get());
        }
    }

    @Test
    void aProfileWithoutEnergyCannotFitEnergyAndSaysWhere() {
        chooseGpuSubset();
        vm.quantityProperty().set(Quantity.ENERGY);
        assertFalse(vm.canFitBinding().get());
        assertTrue(vm.selectionSummaryProperty().get().startsWith("No energy measured on the ticked devices"),
                vm.selectionSummaryProperty().get());
        assertTrue(vm.devicesSummaryProperty().get().endsWith("no energy measured"), vm.devicesSummaryProperty().get());
        vm.fit();
        assertEquals("The ticked devices (edge-server) have no energy_mj measurements: energy is measured on phones"
                + " that report their battery's power.", vm.errorProperty().get());
        assertNull(vm.outcomeProperty().get());
    }

    @Test
    void browserBackendsAreCalibratedOnAStoredEdgePredictor() {
        vm.selectDevices(List.of("edge-server"));
        vm.selectBackends(List.of("cpu"));
        vm.selectModels(THREE_MODELS);
        vm.fit();
        vm.saveNameProperty().set("edge-cpu");
        vm.save();
        CalibrationBase base = new CalibrationBase("edge-cpu", "cpu");
        assertEquals(List.of(CalibrationBase.NONE, base), vm.calibrationBases());
        PredictorDocument edge = vm.outcomeProperty().get().document();

        vm.selectDevices(List.of("reference-browser"));
        vm.selectBackends(List.of("browser/wasm"));
        vm.selectModels(THREE_MODELS);
        vm.calibrationBaseProperty().set(base);
        vm.fit();
        assertEquals("", vm.errorProperty().get());
        PredictorDocument doc = vm.outcomeProperty().get().document();
        assertEquals(List.of("cpu", "browser/wasm"), doc.platformNames());
        assertEquals(PredictorJson.write(edge.withMetrics(null)).replaceAll("(?s).*\"platforms\"", ""),
                PredictorJson.write(new PredictorDocument(1, edge.quantity(), edge.mode(), edge.fingerprint(),
                        edge.createdAt(), List.of(doc.platform("cpu").orElseThrow()), null))
                        .replaceAll("(?s).*\"platforms\"", ""), "the stored cpu platform is carried unchanged");
        var calibration = doc.platform("browser/wasm").orElseThrow().calibration();
        assertEquals("cpu", calibration.basePlatform());
        assertEquals(org.aodnn.modelfitting.predictor.Calibration.QUADRATIC, calibration.kind(), "wasm: Eq. 3");
        assertEquals(List.of("browser/wasm"), vm.chartPlatforms(), "the borrowed base has no rows to chart");
        assertTrue(vm.chartNoteProperty().get().startsWith("browser/wasm is calibrated on cpu (Eq. 3, quadratic)"),
                vm.chartNoteProperty().get());
        assertFalse(vm.measuredVsPredicted().isEmpty());
        assertTrue(vm.statusProperty().get().endsWith("browser/wasm calibrated on cpu of predictor 'edge-cpu'."),
                vm.statusProperty().get());

        vm.quantityProperty().set(Quantity.ENERGY);
        assertEquals(CalibrationBase.NONE, vm.calibrationBaseProperty().get(), "energy is not calibrated: base dropped");
        vm.fit();
        assertTrue(vm.errorProperty().get().startsWith("The ticked devices (reference-browser) have no energy_mj"),
                vm.errorProperty().get());
        vm.quantityProperty().set(Quantity.LATENCY);
        vm.calibrationBaseProperty().set(base);
        vm.selectDevices(List.of("edge-server"));
        vm.selectBackends(List.of("gpu"));
        vm.fit();
        assertEquals("Calibration applies to browser backends (browser/...), and none is ticked: tick one, or choose"
                + " 'none' to fit directly.", vm.errorProperty().get());

        // the base disappears with its predictor, and the choice falls back to fitting directly
        vm.selectedStoredProperty().set(vm.storedPredictors().get(0));
        vm.deleteSelected();
        assertEquals(CalibrationBase.NONE, vm.calibrationBaseProperty().get());
        assertEquals(List.of(CalibrationBase.NONE), vm.calibrationBases());
    }

    @Test
    void severalDevicesAreFittedTogetherAndTicksSurviveAddingADevice() {
        // a second edge machine: the edge server's 1-thread cpu rows of three models, at another CPU frequency
        List<LayerMeasurement> second = store.measurements().find(org.aodnn.db.repo.MeasurementFilter.parse(
                List.of("platform=edge-server", "target=cpu", "threads=1"))).stream()
                .filter(m -> THREE_MODELS.contains(m.key().model()))
                .map(m -> new LayerMeasurement(new MeasurementKey("edge-server-2", m.key().model(), m.key().layerIndex(),
                        "cpu", 1, "", ""), m.layerName(), m.geometry(), 2 * m.latencyMs(), null, null, null, m.reps(),
                        1_200_000L, null, null, null)).toList();
        store.measurements().upsertAll(second);
        try {
            vm.reloadProfiles();
            assertEquals(List.of("edge-server"), ticked(vm.devices()), "the ticked device is kept");
            vm.selectBackends(List.of("cpu"));
            vm.selectModels(THREE_MODELS);
            int firstOnly = vm.selectedRows().size();

            vm.selectDevices(List.of("edge-server", "edge-server-2"));
            assertEquals(List.of("cpu", "gpu"), names(vm.backends()));
            assertEquals(List.of("cpu"), ticked(vm.backends()), "ticks made before survive adding a device");
            assertEquals(THREE_MODELS, ticked(vm.models()));
            assertEquals(firstOnly + second.size(), vm.selectedRows().size());
            assertTrue(vm.devicesSummaryProperty().get().contains("edge-server: cpu (threads 1/2/4/16), gpu; edge-server-2: cpu (threads 1)"),
                    vm.devicesSummaryProperty().get());

            vm.fit();
            assertEquals("", vm.errorProperty().get());
            FitOutcome outcome = vm.outcomeProperty().get();
            assertEquals(List.of("cpu"), outcome.document().platformNames(), "one platform across both devices");
            assertEquals(firstOnly + second.size(), outcome.rows().size());
            assertEquals("edge-server+edge-server-2-cpu-log", vm.saveNameProperty().get());

            vm.selectDevices(List.of());
            assertTrue(vm.backends().isEmpty());
            assertEquals("Tick at least one device.", vm.devicesSummaryProperty().get());
            assertFalse(vm.canFitBinding().get());
        } finally {
            store.dsl().deleteFrom(org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT)
                    .where(org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT.PLATFORM.eq("edge-server-2")).execute();
        }
    }

    private static List<String> ticked(List<SelectableItem> items) {
        return items.stream().filter(SelectableItem::isSelected).map(SelectableItem::name).toList();
    }

    private static List<String> names(List<SelectableItem> items) {
        return items.stream().map(SelectableItem::name).toList();
    }

    private static List<String> names2(List<XYChart.Series<Number, Number>> series) {
        return series.stream().map(XYChart.Series::getName).toList();
    }

    private static int pointCount(List<XYChart.Series<Number, Number>> series) {
        return series.stream().mapToInt(s -> s.getData().size()).sum();
    }
}
