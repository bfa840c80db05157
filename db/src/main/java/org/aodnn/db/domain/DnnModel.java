package org.aodnn.db.domain;

import java.util.List;

/** A network of the catalog with its layers in execution order. */
public record DnnModel(String name, String source, List<ModelLayer> layers) {

    public DnnModel {
        layers = List.copyOf(layers);
    }

    public long totalParams() {
        return layers.stream().mapToLong(l -> l.geometry().params()).sum();
    }

    public long totalFlops() {
        return layers.stream().mapToLong(l -> l.geometry().flops()).sum();
    }
}
