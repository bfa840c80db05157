package org.aodnn.profilinglab.job;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;

/**
 * One layer of a job: {@code id} is its position in the job (what the page reports back), the rest is
 * the catalog's layer with its shapes parsed (NCHW, as in the catalog).
 */
public record JobLayer(int id, String model, ModelLayer layer, List<Integer> inShape, List<Integer> outShape) {

    public static JobLayer of(int id, String model, ModelLayer layer) {
        LayerGeometry g = layer.geometry();
        return new JobLayer(id, model, layer, parseShape(g.inShape(), model, layer, "in_shape"),
                parseShape(g.outShape(), model, layer, "out_shape"));
    }

    public LayerGeometry geometry() {
        return layer.geometry();
    }

    /** The output shape as TF.js produces it (NHWC for 4-D tensors). */
    public List<Integer> expectedNhwcOutShape() {
        return toNhwc(outShape);
    }

    public static List<Integer> toNhwc(List<Integer> shape) {
        if (shape.size() != 4) {
            return shape;
        }
        return List.of(shape.get(0), shape.get(2), shape.get(3), shape.get(1));
    }

    public String label() {
        return model + "[" + layer.layerIndex() + "] " + layer.layerName() + " (" + geometry().layerType() + ")";
    }

    static List<Integer> parseShape(String text, String model, ModelLayer layer, String column) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split("x", -1)) {
            try {
                int d = Integer.parseInt(part);
                if (d <= 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(model + " layer " + layer.layerIndex() + ": " + column + " '"
                        + text + "' is not a shape like 1x3x224x224");
            }
        }
        return List.copyOf(dims);
    }
}
