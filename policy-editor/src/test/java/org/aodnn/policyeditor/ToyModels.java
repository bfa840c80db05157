package org.aodnn.policyeditor;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;

/** Small hand-made layer tables for solver tests: only params, in_elems, cut_after and crossing matter. */
public final class ToyModels {

    private final String name;
    private final List<ModelLayer> layers = new ArrayList<>();
    private long firstInElems = 1;

    private ToyModels(String name) {
        this.name = name;
    }

    public static ToyModels model(String name) {
        return new ToyModels(name);
    }

    public ToyModels inputElems(long elems) {
        this.firstInElems = elems;
        return this;
    }

    public ToyModels layer(String layerName, long params, boolean cutAfter, long crossingElems) {
        long inElems = layers.isEmpty() ? firstInElems : 1;
        LayerGeometry g = new LayerGeometry("Conv2d", "1x1", "1x1", inElems, 1, 1, 1, 1, 1, 1, 0, 1, params, 1);
        layers.add(new ModelLayer(layers.size(), layerName, g, cutAfter, crossingElems));
        return this;
    }

    public DnnModel build() {
        return new DnnModel(name, "test", layers);
    }
}
