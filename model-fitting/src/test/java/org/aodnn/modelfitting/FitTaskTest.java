package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.junit.jupiter.api.Test;

class FitTaskTest {

    @Test
    void reportsProgressAndGivesTheChartSeries() throws Exception {
        List<LayerSample> rows = TestData.edgeCpuSubset();
        List<double[]> progress = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        FitTask task = new FitTask(rows, FitOptions.logLatency().withMaxDegree(2), Map.of(), false);
        FitOutcome outcome = task.run(new ProgressListener() {
            @Override
            public void progress(double done, double total) {
                progress.add(new double[] {done, total});
            }

            @Override
            public void message(String message) {
                messages.add(message);
            }
        });
        assertTrue(progress.size() > 3);
        double[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0], 0.0);
        assertTrue(messages.stream().anyMatch(m -> m.contains("Conv2d")), messages.toString());

        List<PointPrediction> points = outcome.predictorPoints();
        assertEquals(rows.size(), points.size());
        assertTrue(points.stream().map(PointPrediction::family).distinct().count() >= 4);
        assertEquals(rows.size(), outcome.residualsAgainst(BaseFeature.FLOPS).size());
        var cv = outcome.cvMseByDegree();
        assertTrue(cv.stream().anyMatch(p -> p.unit().equals("Conv2d") && p.degree() == 1));
        assertTrue(cv.stream().anyMatch(p -> p.degree() == 2), "some unit has enough rows for degree 2");
        FeatureCurve curve = outcome.curve("cpu", "Conv2d", BaseFeature.FLOPS, 25);
        assertEquals(25, curve.line().size());
        assertTrue(curve.line().get(24)[0] > curve.line().get(0)[0]);
        assertTrue(curve.line().get(24)[1] > curve.line().get(0)[1], "latency grows with FLOPs");
        assertFalse(curve.measured().isEmpty());
        var methods = outcome.inSample().methods();
        assertEquals(List.of("flops-linear", "least-squares", "predictor"), methods);
    }

    @Test
    void aCancelledFitStopsWithCancelledException() throws Exception {
        List<LayerSample> rows = TestData.edgeCpuSubset();
        FitTask task = new FitTask(rows, FitOptions.logLatency(), Map.of(), true);
        ProgressListener cancelOnFirstProgress = new ProgressListener() {
            @Override
            public void progress(double done, double total) {
                task.cancel();
            }

            @Override
            public void message(String message) {
            }
        };
        assertThrows(CancelledException.class, () -> task.run(cancelOnFirstProgress));
    }
}
