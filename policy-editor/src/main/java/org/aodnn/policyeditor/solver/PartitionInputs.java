package org.aodnn.policyeditor.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;

/**
 * Everything the solver needs about one model and its latency/energy sources: the layers in order
 * (layer i = 1..N of the paper is {@code layers.get(i - 1)}) and the input bytes {@code D_0}.
 * Network, bandwidth and bounds are not part of it: they change in a {@link Scenario} without rebuilding.
 */
public record PartitionInputs(String model, List<LayerCost> layers, long inputBytes) {

    public PartitionInputs {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model " + model + " has no layers");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).layerIndex() != i) {
                throw new IllegalArgumentException("model " + model + ": layer at position " + i + " has layer_index "
                        + layers.get(i).layerIndex());
            }
        }
        if (inputBytes < 0) {
            throw new IllegalArgumentException("input bytes must be >= 0, got " + inputBytes);
        }
    }

    /**
     * Joins a catalog model with its per-layer sources.
     *
     * @param inputBytes {@code D_0} in bytes, or {@code null} for {@code 4·in_elems} of the first layer
     */
    public static PartitionInputs of(DnnModel model, LayerValues mobileLatencyMs, LayerValues edgeLatencyMs,
                                     MobileEnergy energy, Long inputBytes) {
        int n = model.layers().size();
        requireSize(model, mobileLatencyMs, n);
        requireSize(model, edgeLatencyMs, n);
        double[] tw = mobileLatencyMs.toArray();
        double[] ew = energy.perLayerJoules(tw);
        List<LayerCost> costs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ModelLayer layer = model.layers().get(i);
            costs.add(new LayerCost(layer.layerIndex(), layer.layerName(), tw[i], edgeLatencyMs.get(i), ew[i],
                    layer.geometry().weightBytes(), layer.cutAfter(), 4L * layer.crossingElems()));
        }
        long d0 = inputBytes != null ? inputBytes : modelInputBytes(model);
        return new PartitionInputs(model.name(), costs, d0);
    }

    /** The model's own input size D_0: 4 bytes (float32) per element of the first layer's input. */
    public static long modelInputBytes(DnnModel model) {
        return 4L * model.layers().get(0).geometry().inElems();
    }

    private static void requireSize(DnnModel model, LayerValues values, int n) {
        if (values.size() != n) {
            throw new IllegalArgumentException(values.source() + ": " + values.size() + " layer values for model "
                    + model.name() + " of " + n + " layers");
        }
    }

    public int layerCount() {
        return layers.size();
    }

    /**
     * The valid cuts in ascending order: k = 0 (all on the edge), k = N (all in the browser) and k = j + 1
     * for every layer with {@code layer_index} j whose {@code cut_after} is set. k counts browser layers.
     */
    public int[] cuts() {
        return validCuts(layers);
    }

    static int[] validCuts(List<LayerCost> layers) {
        TreeSet<Integer> ks = new TreeSet<>();
        ks.add(0);
        ks.add(layers.size());
        for (LayerCost layer : layers) {
            if (layer.cutAfter()) {
                ks.add(layer.layerIndex() + 1);
            }
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }
}
