package org.aodnn.profilinglab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;
import org.junit.jupiter.api.Test;

class LayerSelectionTest {

    @Test
    void rangesIndexesAndOpenEnds() {
        LayerSelection s = LayerSelection.parse("0-2, 5,9-");
        assertTrue(s.includes(0) && s.includes(2) && s.includes(5) && s.includes(9) && s.includes(500));
        assertFalse(s.includes(3) || s.includes(8));
        assertTrue(LayerSelection.parse("").isAll());
        assertTrue(LayerSelection.parse(" ").includes(123));
    }

    @Test
    void badTextNamesThePart() {
        var e = assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("0-3,x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("5-2"));
        assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("1,,2"));
        assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("-3"));
    }

    @Test
    void selectionBeyondTheModelIsRefused() {
        DnnModel model = model(4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSelection(model, LayerSelection.parse("2-7")).selectedLayers());
        assertTrue(e.getMessage().contains("layers 0-3"), e.getMessage());
        assertEquals(2, new ModelSelection(model, LayerSelection.parse("2-")).selectedLayers().size());
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSelection(model, LayerSelection.parse("9-")).selectedLayers());
    }

    @Test
    void jobListsLayersWithNhwcExpectations() {
        ProfilingJob job = ProfilingJob.of(7, ProfilingSettings.defaults(List.of("cpu", "wasm")),
                List.of(new ModelSelection(model(3), LayerSelection.parse("1-2"))));
        assertEquals(4, job.plannedResults());
        assertEquals(List.of(1, 112, 112, 64), job.layers().get(0).expectedNhwcOutShape());
        String json = job.toJson();
        assertTrue(json.contains("\"layerIndex\":1") && json.contains("\"backends\":[\"cpu\",\"wasm\"]"), json);
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ProfilingSettings.defaults(List.of("cuda")));
        assertThrows(IllegalArgumentException.class, () -> ProfilingSettings.defaults(List.of("cpu", "cpu")));
        assertThrows(IllegalArgumentException.class, () -> ProfilingSettings.defaults(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ProfilingSettings.defaults(List.of("cpu")).withRuns(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> ProfilingSettings.defaults(List.of("cpu")).withRuns(2, 0));
        assertThrows(IllegalArgumentException.class, () -> ProfilingSettings.defaults(List.of("cpu")).withMinTimeMs(Double.NaN));
    }

    static DnnModel model(int layers) {
        List<ModelLayer> list = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            list.add(new ModelLayer(i, "features." + i, new LayerGeometry("ReLU", "1x64x112x112", "1x64x112x112",
                    802816, 802816, 64, 64, 0, 0, 0, 0, 1, 0, 802816), true, 802816));
        }
        return new DnnModel("tiny", "test", list);
    }
}
