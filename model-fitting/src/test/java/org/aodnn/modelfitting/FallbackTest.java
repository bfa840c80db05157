package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Prediction;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unseen layer types fall back to their family, then a related family, then the global model: flagged, never failing. */
class FallbackTest {

    static PredictorEvaluator evaluator;

    @BeforeAll
    static void fit() {
        List<LayerSample> rows = new ArrayList<>(FitterTest.powerLawConvs(0.0));
        int i = 100000;
        for (int m = 0; m < 6; m++) {
            for (int c : new int[] {16, 64, 256}) {
                for (int hw : new int[] {7, 28, 56}) {
                    for (String type : new String[] {"ReLU", "Hardswish"}) {
                        var g = TestData.elementwise(type, c, hw);
                        rows.add(TestData.sample("cpu", "model" + m, i++, g, 1, 1e-6 * g.inElems() + 0.003));
                    }
                }
            }
        }
        evaluator = new PredictorEvaluator(new PredictorFitter(FitOptions.logLatency().withMaxDegree(2))
                .fit(rows, FitMonitor.NONE).document());
    }

    private static Prediction predict(org.aodnn.db.domain.LayerGeometry g) {
        return evaluator.predict(TestData.sample("cpu", "x", 0, g, 1, Double.NaN));
    }

    @Test
    void aTrainedTypeIsAnsweredByItsOwnModelWithoutFlag() {
        Prediction p = predict(TestData.elementwise("ReLU", 32, 14));
        assertEquals("", p.flag());
        assertEquals("ReLU", p.unit());
    }

    @Test
    void anUnseenActivationUsesTheActivationFamilyModelAndIsFlagged() {
        Prediction p = predict(TestData.elementwise("SiLU", 32, 14));
        assertEquals(Prediction.FAMILY, p.flag());
        assertEquals("activation", p.unit());
        assertTrue(p.ms() > 0 && Double.isFinite(p.ms()));
    }

    @Test
    void unseenConvolutionKindsUseTheStandardConvolutionModelFlaggedRelated() {
        Prediction depthwise = predict(TestData.conv(64, 64, 28, 3, 1, 64));
        assertEquals(Prediction.RELATED_FAMILY, depthwise.flag());
        assertTrue(depthwise.unit().startsWith("Conv2d"), depthwise.unit());
        Prediction grouped = predict(TestData.conv(128, 128, 28, 3, 1, 32));
        assertEquals(Prediction.RELATED_FAMILY, grouped.flag());
    }

    @Test
    void aPointwiseConvolutionIsAnsweredByAConvolutionTypeModelWithoutFlag() {
        Prediction p = predict(TestData.conv(64, 128, 28, 1, 1, 1));
        assertEquals("", p.flag());
        assertTrue(p.unit().equals("Conv2d/pointwise") || p.unit().equals("Conv2d"), p.unit());
    }

    @Test
    void aFamilyNeverSeenUsesTheGlobalModel() {
        var linear = new org.aodnn.db.domain.LayerGeometry("Linear", "1x512", "1x1000", 512, 1000, 512, 1000, 0, 0,
                0, 0, 1, 513000, 1024000);
        Prediction p = predict(linear);
        assertEquals(Prediction.GLOBAL, p.flag());
        assertEquals("*", p.unit());
        assertTrue(p.ms() > 0 && Double.isFinite(p.ms()));
    }

    @Test
    void anUnknownPlatformIsAnErrorNamingThePlatforms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> evaluator.predict(
                TestData.sample("gpu", "x", 0, TestData.elementwise("ReLU", 8, 8), 0, Double.NaN)));
        assertTrue(e.getMessage().contains("'gpu'") && e.getMessage().contains("cpu"), e.getMessage());
    }
}
