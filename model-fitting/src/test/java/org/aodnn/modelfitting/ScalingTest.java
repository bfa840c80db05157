package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.FeatureInput;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.UnitModel;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void transformsStandardise() {
        FeatureInput id = new FeatureInput("flops", FeatureInput.IDENTITY, 10, 4);
        assertEquals(0.5, id.standardise(12), 0.0);
        FeatureInput log = new FeatureInput("flops", FeatureInput.LOG1P, 1, 2);
        assertEquals((Math.log1p(99) - 1) / 2, log.standardise(99), 1e-15);
    }

    @Test
    void fittedInputsAreCentredAndScaledOverTheTrainingRowsAndConstantFeaturesDropped() {
        List<LayerSample> rows = new ArrayList<>();
        int i = 0;
        for (int c : new int[] {16, 32, 64, 128, 256}) {
            for (int hw : new int[] {7, 14, 28, 56}) {
                for (int t : new int[] {1, 4}) {
                    double elems = (double) c * hw * hw;
                    rows.add(TestData.sample("cpu", "m" + (i % 5), i++, TestData.elementwise("ReLU", c, hw), t,
                            1e-5 * elems / Math.sqrt(t) + 0.002));
                }
            }
        }
        PredictorDocument doc = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2))
                .fit(rows, FitMonitor.NONE).document();
        UnitModel relu = doc.platform("cpu").orElseThrow().units().stream()
                .filter(u -> u.key().equals("ReLU")).findFirst().orElseThrow();
        List<String> names = relu.features().stream().map(FeatureInput::name).toList();
        // Batch and CPU frequency do not vary here: they are not inputs of the model.
        assertEquals(List.of("in_elems", "threads"), names);
        for (FeatureInput f : relu.features()) {
            BaseFeature bf = BaseFeature.ofId(f.name());
            double mean = rows.stream().mapToDouble(s -> Math.log1p(bf.value(s))).average().orElseThrow();
            double var = rows.stream().mapToDouble(s -> Math.pow(Math.log1p(bf.value(s)) - mean, 2)).sum()
                    / (rows.size() - 1);
            assertEquals(mean, f.center(), 1e-12);
            assertEquals(Math.sqrt(var), f.scale(), 1e-12);
            assertEquals(FeatureInput.LOG1P, f.transform());
        }
        assertTrue(relu.degree() >= 1);
        assertFalse(names.contains("batch"));
    }
}
