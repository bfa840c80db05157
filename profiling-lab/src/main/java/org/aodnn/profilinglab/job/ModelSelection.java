package org.aodnn.profilinglab.job;

import java.util.List;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;

/** A catalog model and the layers of it to profile. */
public record ModelSelection(DnnModel model, LayerSelection layers) {

    public ModelSelection {
        if (model == null) {
            throw new IllegalArgumentException("a model is needed");
        }
        layers = layers == null ? LayerSelection.all() : layers;
    }

    /** The selected layers in execution order; fails when the selection names a layer the model lacks. */
    public List<ModelLayer> selectedLayers() {
        int count = model.layers().size();
        if (layers.largestExplicitIndex() >= count) {
            throw new IllegalArgumentException("layer selection '" + layers + "' names layer "
                    + layers.largestExplicitIndex() + " but " + model.name() + " has layers 0-" + (count - 1));
        }
        List<ModelLayer> selected = model.layers().stream().filter(l -> layers.includes(l.layerIndex())).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("layer selection '" + layers + "' selects no layer of " + model.name());
        }
        return selected;
    }
}
