package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** A unit model's curve along a feature it does not take is flat: the note says why instead of leaving a puzzle. */
class FlatCurveNoteTest extends WorkspaceViewModelFixture {

    @Test
    void aFlatCurveIsExplainedAndASlopedOneIsNot() {
        chooseGpuSubset();
        vm.fit();
        vm.curveTypeProperty().set("Conv2d");
        List<String> flat = new ArrayList<>();
        List<String> sloped = new ArrayList<>();
        for (String feature : List.copyOf(vm.features())) {
            vm.curveFeatureProperty().set(feature);
            if (vm.curve().isEmpty()) {
                continue; // no row states this feature: no curve at all, said otherwise
            }
            List<Double> ys = vm.curve().get(0).getData().stream().map(XYChart.Data::getYValue)
                    .map(Number::doubleValue).toList();
            double spread = ys.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    - ys.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            String note = vm.curveNoteProperty().get();
            if (spread < 1e-12) {
                flat.add(feature);
                assertTrue(note.contains("The curve is flat"), feature + ": " + note);
            } else {
                sloped.add(feature);
                assertFalse(note.contains("flat"), feature + ": " + note);
            }
        }
        assertFalse(flat.isEmpty(), "some feature is not taken by the Conv2d unit model; sloped: " + sloped);
        assertFalse(sloped.isEmpty(), "flops or memory move a convolution's latency");
    }
}
