package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aodnn.modelfitting.fit.CalibrationFitter;
import org.aodnn.modelfitting.fit.CalibrationPlan;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.FitResult;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.fit.TrainingFingerprint;
import org.aodnn.modelfitting.predictor.Calibration;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private final List<LayerSample> base = FitterTest.powerLawConvs(0.0);
    private final PredictorEvaluator evaluator = new PredictorEvaluator(
            new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(base, FitMonitor.NONE).document());

    private List<LayerSample> browserRows(String platform, java.util.function.DoubleUnaryOperator law) {
        List<LayerSample> out = new ArrayList<>();
        for (LayerSample s : base) {
            if (s.threads() == 1) {
                double c = evaluator.predict("cpu", s).ms();
                out.add(new LayerSample(platform, s.model(), s.layerIndex(), s.layerName(), s.geometry(), 1, null,
                        law.applyAsDouble(c)));
            }
        }
        return out;
    }

    @Test
    void linearCalibrationRecoversGammaAndEpsilon() {
        Calibration cal = CalibrationFitter.fit(evaluator, "cpu", "browser/cpu", browserRows("browser/cpu", x -> 2.5 * x + 0.3));
        assertEquals(Calibration.LINEAR, cal.kind());
        assertEquals(List.of("Conv2d", "Conv2d/pointwise", "convolution", "*"),
                cal.fits().stream().map(Calibration.Fit::key).toList());
        Calibration.Fit c = cal.fits().get(0);
        assertEquals(2.5, c.gamma(), 1e-9);
        assertEquals(0.3, c.epsilon(), 1e-9);
        assertEquals(0.0, c.delta(), 0.0);
    }

    @Test
    void quadraticCalibrationIsUsedForWebAssemblyAndRecoversAllThreeCoefficients() {
        Calibration cal = CalibrationFitter.fit(evaluator, "cpu", "browser/wasm",
                browserRows("browser/wasm", x -> 0.02 * x * x + 1.4 * x + 0.05));
        assertEquals(Calibration.QUADRATIC, cal.kind());
        Calibration.Fit c = cal.fits().get(cal.fits().size() - 1);
        assertEquals("global", c.level());
        assertEquals(0.02, c.gamma(), 1e-9);
        assertEquals(1.4, c.delta(), 1e-8);
        assertEquals(0.05, c.epsilon(), 1e-8);
        assertEquals(0.02 * 4 + 1.4 * 2 + 0.05, cal.apply(c, 2.0), 1e-8);
    }

    @Test
    void eachLayerTypeGetsItsOwnFitAndUnseenTypesFallBackFlagged() {
        List<LayerSample> rows = new ArrayList<>(browserRows("browser/cpu", x -> 2 * x));
        int i = 500000;
        for (int m = 0; m < 3; m++) {
            for (int c : new int[] {16, 64, 256}) {
                for (int hw : new int[] {7, 28, 56}) {
                    var g = TestData.elementwise("ReLU", c, hw);
                    double base = evaluator.predict("cpu", TestData.sample("cpu", "r", 0, g, 1, Double.NaN)).ms();
                    rows.add(TestData.sample("browser/cpu", "r" + m, i++, g, 1, 20 * base));
                }
            }
        }
        Calibration cal = CalibrationFitter.fit(evaluator, "cpu", "browser/cpu", rows);
        var byKey = new java.util.HashMap<String, Calibration.Fit>();
        cal.fits().forEach(f -> byKey.put(f.key(), f));
        assertEquals(2.0, byKey.get("Conv2d").gamma(), 1e-6);
        assertEquals(20.0, byKey.get("ReLU").gamma(), 1e-6);
        var doc = new org.aodnn.modelfitting.predictor.PredictorDocument(1, "latency_ms", "log", "x", "now",
                List.of(evaluator.document().platform("cpu").orElseThrow(),
                        new org.aodnn.modelfitting.predictor.PlatformPredictor("browser/cpu", List.of(), cal)), null);
        PredictorEvaluator ev = new PredictorEvaluator(doc);
        var sigmoid = TestData.sample("browser/cpu", "s", 0, TestData.elementwise("Sigmoid", 32, 14), 1, Double.NaN);
        assertEquals("family", ev.predict(sigmoid).flag());
        var linear = TestData.sample("browser/cpu", "s", 0, new org.aodnn.db.domain.LayerGeometry("Linear", "1x512",
                "1x10", 512, 10, 512, 10, 0, 0, 0, 0, 1, 5130, 10240), 1, Double.NaN);
        assertEquals("global", ev.predict(linear).flag());
    }

    @Test
    void fitterCalibratesABrowserPlatformFromTheBasePredictor() {
        List<LayerSample> rows = new ArrayList<>(base);
        rows.addAll(browserRows("browser/cpu", x -> 3 * x + 0.1));
        FitResult fit = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2))
                .fit(rows, java.util.Map.of("browser/cpu", "cpu"), FitMonitor.NONE);
        var platform = fit.document().platform("browser/cpu").orElseThrow();
        assertEquals(0, platform.units().size());
        assertEquals("cpu", platform.calibration().basePlatform());
        PredictorEvaluator ev = new PredictorEvaluator(fit.document());
        LayerSample s = rows.get(rows.size() - 1);
        assertEquals(s.latencyMs(), ev.predict(s).ms(), 1e-3 * s.latencyMs());
    }

    @Test
    void aBrowserPlatformIsCalibratedOnABasePredictorFittedElsewhereWhichTheDocumentCarries() {
        PredictorDocument stored = evaluator.document();
        List<LayerSample> browser = browserRows("browser/cpu", x -> 3 * x + 0.1);
        FitResult fit = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(browser,
                new CalibrationPlan(Map.of("browser/cpu", "cpu"), stored), FitMonitor.NONE);
        PredictorDocument doc = fit.document();
        assertEquals(List.of("cpu", "browser/cpu"), doc.platformNames());
        // the base platform is the stored one, unchanged, so its predictions are the stored predictor's
        assertEquals(stored.platform("cpu").orElseThrow(), doc.platform("cpu").orElseThrow());
        PredictorEvaluator ev = new PredictorEvaluator(doc);
        for (LayerSample s : browser) {
            assertEquals(s.latencyMs(), ev.predict(s).ms(), 1e-3 * s.latencyMs());
        }
        assertNotEquals(TrainingFingerprint.of(browser), doc.fingerprint(), "the base's training data counts too");
        // a calibrated platform written without its empty "units" still reads
        String json = org.aodnn.modelfitting.predictor.PredictorJson.write(doc);
        String withoutUnits = json.replaceFirst("(\"platform\" : \"browser/cpu\",\\s*)\"units\" : \\[ \\],\\s*", "$1");
        assertNotEquals(json, withoutUnits);
        assertEquals(json, org.aodnn.modelfitting.predictor.PredictorJson.write(
                org.aodnn.modelfitting.predictor.PredictorJson.read("doc", withoutUnits)));
        assertEquals(TrainingFingerprint.combine(TrainingFingerprint.of(browser), stored.fingerprint()), doc.fingerprint());
    }

    @Test
    void aBaseMissingFromRowsAndBasePredictorOrPresentInBothIsRefusedByName() {
        PredictorFitter fitter = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2));
        List<LayerSample> browser = browserRows("browser/cpu", x -> 3 * x);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> fitter.fit(browser,
                new CalibrationPlan(Map.of("browser/cpu", "gpu"), evaluator.document()), FitMonitor.NONE));
        assertTrue(none.getMessage().contains("'gpu'") && none.getMessage().contains("platforms cpu"), none.getMessage());
        List<LayerSample> both = new ArrayList<>(base);
        both.addAll(browser);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> fitter.fit(both,
                new CalibrationPlan(Map.of("browser/cpu", "cpu"), evaluator.document()), FitMonitor.NONE));
        assertTrue(twice.getMessage().contains("both in the training rows and in the base predictor"), twice.getMessage());
        PredictorDocument energy = new PredictorDocument(1, PredictorDocument.QUANTITY_ENERGY, "log", "x", "now",
                evaluator.document().platforms(), null);
        IllegalArgumentException quantity = assertThrows(IllegalArgumentException.class, () -> fitter.fit(browser,
                new CalibrationPlan(Map.of("browser/cpu", "cpu"), energy), FitMonitor.NONE));
        assertTrue(quantity.getMessage().contains("energy_mj"), quantity.getMessage());
    }
}
