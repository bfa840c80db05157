package org.aodnn.edgeconnector.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.edgeconnector.manifest.ManifestDigest;

/**
 * The hash of a model's layer table that a manifest carries ({@code layers.sha256}): SHA-256 over the
 * RFC 8785 canonical JSON of the catalog rows (position, name, geometry, cut_after, crossing_elems). It
 * changes when the catalog entry changes, so a manifest built for another version of the network is told apart.
 */
public final class LayerTableHash {

    private LayerTableHash() {
    }

    public static String of(DnnModel model) {
        return ManifestDigest.sha256(table(model));
    }

    static ArrayNode table(DnnModel model) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (ModelLayer layer : model.layers()) {
            LayerGeometry g = layer.geometry();
            ObjectNode row = rows.addObject();
            row.put("layer_index", layer.layerIndex());
            row.put("layer_name", layer.layerName());
            row.put("layer_type", g.layerType());
            row.put("in_shape", g.inShape());
            row.put("out_shape", g.outShape());
            row.put("in_elems", g.inElems());
            row.put("out_elems", g.outElems());
            row.put("in_channels", g.inChannels());
            row.put("out_channels", g.outChannels());
            row.put("kernel_h", g.kernelH());
            row.put("kernel_w", g.kernelW());
            row.put("stride", g.stride());
            row.put("padding", g.padding());
            row.put("groups", g.groups());
            row.put("params", g.params());
            row.put("flops", g.flops());
            row.put("cut_after", layer.cutAfter());
            row.put("crossing_elems", layer.crossingElems());
        }
        return rows;
    }
}
