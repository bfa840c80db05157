package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.aodnn.modelfitting.eval.ErrorMetrics;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.ModelLevelSummary;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void relativeFiguresCountOnlyLayersAboveTheFloor() {
        double[] measured = {1.0, 2.0, 0.5, 0.01};
        double[] predicted = {1.04, 2.3, 0.45, 0.05};
        ErrorMetrics m = ErrorMetrics.of(measured, predicted, 0.05);
        assertEquals(4, m.rows());
        assertEquals(3, m.rowsAboveFloor());
        assertEquals((0.04 + 0.15 + 0.10) / 3, m.mape(), 1e-12);
        assertEquals(0.10, m.medianApe(), 1e-12);
        assertEquals(1.0 / 3, m.within5(), 1e-12);
        assertEquals(2.0 / 3, m.within10(), 1e-12);
        double rmse = Math.sqrt((0.04 * 0.04 + 0.3 * 0.3 + 0.05 * 0.05 + 0.04 * 0.04) / 4);
        assertEquals(rmse, m.rmse(), 1e-12);
    }

    @Test
    void gpuLayersUseTheMicrosecondFloorAndModelLevelSumsPerThreads() {
        var g = TestData.elementwise("ReLU", 8, 8);
        LayerSample gpu1 = TestData.sample("gpu", "a", 0, g, 0, 0.01);
        LayerSample gpu2 = TestData.sample("gpu", "a", 1, g, 0, 0.01);
        LayerSample cpu1 = TestData.sample("cpu", "a", 0, g, 1, 1.0);
        LayerSample cpu4 = TestData.sample("cpu", "a", 0, g, 4, 1.0);
        EvaluationReport r = EvaluationReport.of("test", List.of(
                new PointPrediction("p", gpu1, 0.0105, ""), new PointPrediction("p", gpu2, 0.0105, ""),
                new PointPrediction("p", cpu1, 1.05, ""), new PointPrediction("p", cpu4, 1.5, "")));
        assertEquals(2, r.metric("p", "gpu", "all").layer().rowsAboveFloor());
        ModelLevelSummary cpu = r.modelLevel("p", "cpu");
        assertEquals(2, cpu.groups());
        assertEquals(0.5, cpu.within10(), 1e-12);
        assertEquals(1.0, r.modelLevel("p", "gpu").within10(), 1e-12);
        assertEquals(3, r.modelLevel("p", "all").groups());
    }

    @Test
    void aModelRunIsOneDeviceSoTwoDevicesOfOnePlatformAreTwoRuns() {
        var g = TestData.elementwise("ReLU", 8, 8);
        LayerSample a0 = onDevice(TestData.sample("browser/wasm", "m", 0, g, 8, 1.0), "phone-a Chrome 130");
        LayerSample a1 = onDevice(TestData.sample("browser/wasm", "m", 1, g, 8, 1.0), "phone-a Chrome 130");
        LayerSample b0 = onDevice(TestData.sample("browser/wasm", "m", 0, g, 8, 1.0), "phone-b Chrome 130");
        EvaluationReport r = EvaluationReport.of("test", List.of(new PointPrediction("p", a0, 1.0, ""),
                new PointPrediction("p", a1, 1.0, ""), new PointPrediction("p", b0, 1.5, "")));
        assertEquals(2, r.modelLevel("p", "browser/wasm").groups(), "phone-a's run and phone-b's run");
        assertEquals(0.5, r.modelLevel("p", "browser/wasm").within10(), 1e-12, "phone-b's run is 50 % off");
        assertEquals(List.of("phone-a Chrome 130", "phone-b Chrome 130"),
                r.modelLevel().stream().map(e -> e.device()).sorted().toList());
    }

    private static LayerSample onDevice(LayerSample s, String device) {
        return new LayerSample(s.platform(), s.model(), s.layerIndex(), s.layerName(), s.geometry(), s.threads(),
                s.cpuFreqKhz(), s.latencyMs(), device);
    }
}
