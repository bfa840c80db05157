package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.FeatureInput;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.UnitModel;
import org.junit.jupiter.api.Test;

/**
 * A CPU frequency nobody stated (rows of a phone that could not read it, or a question about a layer with no
 * device state fixed) stands for the typical frequency of the training rows, not for 0 MHz.
 */
class UnknownFrequencyTest {

    /** Convolutions whose latency falls with the CPU frequency (1.2-2.0 GHz); every 4th row has no frequency. */
    private static List<LayerSample> rows() {
        List<LayerSample> out = new ArrayList<>();
        int i = 0;
        for (int m = 0; m < 6; m++) {
            for (int c : new int[] {16, 32, 64, 128}) {
                for (int hw : new int[] {7, 14, 28, 56}) {
                    var g = TestData.conv(c, c, hw, 3, 1, 1);
                    for (long mhz : new long[] {1200, 1600, 2000}) {
                        double ms = 2e-8 * Math.pow(g.flops(), 0.95) * (1600.0 / mhz);
                        Long khz = i % 4 == 3 ? null : mhz * 1000;
                        out.add(new LayerSample("browser/wasm", "model" + m, i++, "conv", g, 8, khz, ms));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void anUnknownFrequencyIsTheTrainingMeanInFittingAndInEvaluation() {
        List<LayerSample> rows = rows();
        var doc = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(rows, FitMonitor.NONE).document();
        PredictorEvaluator evaluator = new PredictorEvaluator(doc);
        LayerSample known = rows.stream().filter(r -> r.cpuFreqKhz() != null).findFirst().orElseThrow();
        UnitModel unit = evaluator.unitFor("browser/wasm", known).orElseThrow().unit();
        FeatureInput freq = unit.features().stream().filter(f -> f.name().equals("cpu_freq_mhz")).findFirst()
                .orElseThrow(() -> new AssertionError("the frequency is a feature: " + unit.features()));

        // the mean and scale come from the rows that stated a frequency
        double meanLog = rows.stream().filter(r -> r.cpuFreqKhz() != null)
                .mapToDouble(r -> StrictMath.log1p(r.cpuFreqKhz() / 1000.0)).average().orElseThrow();
        assertEquals(meanLog, freq.center(), 1e-12);

        // unknown = at the mean: the same prediction as a stated frequency whose transform is the centre
        double atMeanKhz = StrictMath.expm1(freq.center()) * 1000;
        LayerSample unknown = new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8, null, Double.NaN);
        LayerSample atMean = new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8,
                Math.round(atMeanKhz), Double.NaN);
        assertEquals(evaluator.predict(atMean).ms(), evaluator.predict(unknown).ms(),
                1e-6 * evaluator.predict(atMean).ms());
        double slow = evaluator.predict(new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8,
                1_200_000L, Double.NaN)).ms();
        double fast = evaluator.predict(new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8,
                2_000_000L, Double.NaN)).ms();
        double typical = evaluator.predict(unknown).ms();
        assertTrue(fast < typical && typical < slow, fast + " < " + typical + " < " + slow);
    }

    @Test
    void aVersionOneDocumentStillReadsAnUnknownFrequencyAsZeroAsItWasFitted() {
        List<LayerSample> rows = rows();
        var doc = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(rows, FitMonitor.NONE).document();
        var v1 = new org.aodnn.modelfitting.predictor.PredictorDocument(1, doc.quantity(), doc.mode(), doc.fingerprint(),
                doc.createdAt(), doc.platforms(), null);
        LayerSample known = rows.get(0);
        LayerSample unknown = new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8, null, Double.NaN);
        LayerSample zero = new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8, 0L, Double.NaN);
        assertEquals(new PredictorEvaluator(v1).predict(zero).ms(), new PredictorEvaluator(v1).predict(unknown).ms(), 0.0);
        assertTrue(new PredictorEvaluator(doc).predict(unknown).ms() != new PredictorEvaluator(v1).predict(unknown).ms());
        assertEquals(2, doc.schemaVersion());
    }

    @Test
    void theLeastSquaresBaselineAlsoReadsAnUnknownFrequencyAsTheMean() {
        List<LayerSample> rows = rows();
        var baseline = org.aodnn.modelfitting.eval.Baselines.leastSquares(rows);
        double meanKhz = rows.stream().filter(r -> r.cpuFreqKhz() != null).mapToLong(LayerSample::cpuFreqKhz)
                .average().orElseThrow();
        LayerSample known = rows.get(0);
        LayerSample unknown = new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8, null, Double.NaN);
        LayerSample atMean = new LayerSample("browser/wasm", "q", 0, "conv", known.geometry(), 8,
                Math.round(meanKhz), Double.NaN);
        assertEquals(baseline.predictMs(atMean), baseline.predictMs(unknown), 1e-6 * Math.abs(baseline.predictMs(atMean)));
    }
}
