package org.aodnn.db.domain;

/**
 * One row of a model's layer table: position, name, geometry and whether the network can be cut right
 * after it ({@code cutAfter}) with {@code crossingElems} float32 elements crossing the cut.
 */
public record ModelLayer(int layerIndex, String layerName, LayerGeometry geometry, boolean cutAfter,
                         long crossingElems) {
}
