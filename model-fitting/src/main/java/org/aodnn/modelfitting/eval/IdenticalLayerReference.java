package org.aodnn.modelfitting.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * Not a predictor but a yardstick: the median latency of the very same layer (type, shapes, kernel,
 * stride, padding, groups, platform, threads) as measured inside other models. Where it covers a layer,
 * its error is how well the measurements themselves repeat from one model's session to another's, a floor
 * no geometry-based predictor can beat.
 */
public final class IdenticalLayerReference implements LatencyModel {

    public static final String METHOD = "identical-layer";
    /** The predictor's points restricted to the rows this reference covers, for a like-for-like comparison. */
    public static final String PREDICTOR_ON_COVERED = "predictor-on-covered";

    private final Map<String, Double> medians = new HashMap<>();

    public IdenticalLayerReference(List<LayerSample> training) {
        Map<String, List<Double>> byKey = new HashMap<>();
        for (LayerSample s : training) {
            byKey.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s.latencyMs());
        }
        for (Map.Entry<String, List<Double>> e : byKey.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            medians.put(e.getKey(), v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
        }
    }

    public boolean covers(LayerSample s) {
        return medians.containsKey(key(s));
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** NaN where the layer was not measured in any other model. */
    @Override
    public double predictMs(LayerSample sample) {
        return medians.getOrDefault(key(sample), Double.NaN);
    }

    private static String key(LayerSample s) {
        LayerGeometry g = s.geometry();
        return String.join("|", s.platform(), s.device(), Integer.toString(s.threads()), s.typeKey(), g.inShape(),
                g.outShape(),
                Integer.toString(g.kernelH()), Integer.toString(g.kernelW()), Integer.toString(g.stride()),
                Integer.toString(g.padding()), Integer.toString(g.groups()));
    }
}
