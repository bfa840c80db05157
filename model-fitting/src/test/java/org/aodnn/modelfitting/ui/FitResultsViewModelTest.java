package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.chart.XYChart;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.junit.jupiter.api.Test;

/**
 * A fit run from the workspace view model: the four charts and the metrics table it fills, held-out
 * accuracy, cancelling, and the curve's axis.
 */
class FitResultsViewModelTest extends WorkspaceViewModelFixture {

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
        assertTrue(vm.cvMse().stream().anyMatch(s -> s.getName().startsWith("Conv2d")), seriesNames(vm.cvMse()).toString());
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
    void aCurveAlongAConstantFeatureUsesALinearAxis() {
        chooseGpuSubset();
        vm.fit();
        vm.curveTypeProperty().set("ReLU");
        vm.curveFeatureProperty().set("kernel_area");
        assertFalse(vm.curveLogXProperty().get());
        assertEquals(2, vm.curve().size());
        assertFalse(vm.curve().get(1).getData().isEmpty());
    }
}
