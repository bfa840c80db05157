package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.modelfitting.fit.CvScore;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.FitResult;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.UnitModel;
import org.junit.jupiter.api.Test;

class FitterTest {

    /** Convolutions whose latency follows a power law in FLOPs and threads, across six "models". */
    static List<LayerSample> powerLawConvs(double noise) {
        java.util.Random r = new java.util.Random(11);
        List<LayerSample> rows = new ArrayList<>();
        int i = 0;
        for (int m = 0; m < 6; m++) {
            for (int c : new int[] {16, 32, 64, 128, 256}) {
                for (int hw : new int[] {7, 14, 28, 56}) {
                    for (int k : new int[] {1, 3}) {
                        var g = TestData.conv(c, c * (1 + m % 2), hw, k, 1, 1);
                        for (int t : new int[] {1, 2, 4, 16}) {
                            double ms = 2e-8 * Math.pow(g.flops(), 0.95) * Math.pow(t, -0.6);
                            ms *= Math.exp(noise * r.nextGaussian());
                            rows.add(TestData.sample("cpu", "model" + m, i++, g, t, ms));
                        }
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void logModeRecoversAPowerLawOnHeldOutModels() {
        List<LayerSample> rows = powerLawConvs(0.0);
        List<LayerSample> train = rows.stream().filter(s -> !s.model().equals("model5")).toList();
        FitResult fit = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(train, FitMonitor.NONE);
        PredictorEvaluator ev = new PredictorEvaluator(fit.document());
        double worst = 0;
        for (LayerSample s : rows) {
            if (s.model().equals("model5")) {
                worst = Math.max(worst, Math.abs(ev.predict(s).ms() / s.latencyMs() - 1));
            }
        }
        assertTrue(worst < 0.05, "worst relative error on the held-out model " + worst);
    }

    @Test
    void cvGridCoversEveryDegreeAndPenaltyAndTheChosenDegreeHasTheLowestMse() {
        List<LayerSample> rows = powerLawConvs(0.05);
        FitOptions options = FitOptions.logLatency().withMaxDegree(3);
        FitResult fit = new PredictorFitter(options).fit(rows, FitMonitor.NONE);
        UnitModel conv = fit.document().platform("cpu").orElseThrow().units().stream()
                .filter(u -> u.key().equals("Conv2d")).findFirst().orElseThrow();
        List<CvScore> scores = fit.cvScores().stream().filter(s -> s.unit().equals("Conv2d")).toList();
        int gridSize = options.lambda1Ratios().size() * options.lambda2Ratios().size();
        assertEquals(0, scores.size() % gridSize);
        assertTrue(scores.stream().mapToInt(CvScore::degree).max().orElseThrow() >= 2);
        double best = scores.stream().mapToDouble(CvScore::mse).min().orElseThrow();
        assertEquals(best, conv.cvMse(), 0.0);
        CvScore chosen = scores.stream().filter(s -> s.mse() == best).findFirst().orElseThrow();
        assertEquals(chosen.degree(), conv.degree());
        assertEquals(conv.exponents().length, conv.coefficients().length);
    }

    @Test
    void paperModeFitsRawLatencyWithRawFeatures() {
        List<LayerSample> rows = powerLawConvs(0.0);
        FitResult fit = new PredictorFitter(FitOptions.paper().withMaxDegree(2)).fit(rows, FitMonitor.NONE);
        UnitModel conv = fit.document().platform("cpu").orElseThrow().units().get(0);
        assertEquals(UnitModel.TARGET_IDENTITY, conv.target());
        assertTrue(conv.features().stream().allMatch(f -> f.transform().equals("identity")));
        // The paper's form is a polynomial in raw features: in-sample it tracks the large layers.
        PredictorEvaluator ev = new PredictorEvaluator(fit.document());
        double sumMeasured = 0;
        double sumPredicted = 0;
        for (LayerSample s : rows) {
            sumMeasured += s.latencyMs();
            sumPredicted += ev.predict(s).ms();
        }
        assertEquals(1.0, sumPredicted / sumMeasured, 0.1);
        assertFalse(fit.cvScores().isEmpty());
    }

    @Test
    void pointwiseConvolutionsGetTheirOwnModelOnlyWhenAskedAndCvPrefersIt() {
        // 1x1 convolutions scale differently with FLOPs than 3x3 ones: one degree-1 model fits both badly.
        List<LayerSample> rows = new ArrayList<>();
        for (LayerSample s : powerLawConvs(0.0)) {
            double ms = s.geometry().kernelH() == 1
                    ? 3e-5 * Math.pow(s.geometry().flops(), 0.6) * Math.pow(s.threads(), -0.6) : s.latencyMs();
            rows.add(new LayerSample(s.platform(), s.model(), s.layerIndex(), s.layerName(), s.geometry(), s.threads(),
                    null, ms));
        }
        var plain = new PredictorFitter(FitOptions.logLatency().withMaxDegree(1)).fit(rows, FitMonitor.NONE);
        var split = new PredictorFitter(FitOptions.logLatency().withMaxDegree(1).withPointwiseSplit(true))
                .fit(rows, FitMonitor.NONE);
        List<String> plainKeys = plain.document().platform("cpu").orElseThrow().units().stream().map(UnitModel::key).toList();
        List<String> splitKeys = split.document().platform("cpu").orElseThrow().units().stream().map(UnitModel::key).toList();
        assertFalse(plainKeys.contains("Conv2d/pointwise"), plainKeys.toString());
        assertTrue(splitKeys.contains("Conv2d/pointwise") && splitKeys.contains("Conv2d"), splitKeys.toString());
        PredictorEvaluator withSplit = new PredictorEvaluator(split.document());
        PredictorEvaluator without = new PredictorEvaluator(plain.document());
        double worstSplit = 0;
        double worstPlain = 0;
        for (LayerSample s : rows) {
            worstSplit = Math.max(worstSplit, Math.abs(withSplit.predict(s).ms() / s.latencyMs() - 1));
            worstPlain = Math.max(worstPlain, Math.abs(without.predict(s).ms() / s.latencyMs() - 1));
            assertEquals("", withSplit.predict(s).flag());
        }
        assertTrue(worstSplit < 0.1, "worst error with the split " + worstSplit);
        assertTrue(worstPlain > 2 * worstSplit, "worst error without " + worstPlain + ", with " + worstSplit);
    }
}
