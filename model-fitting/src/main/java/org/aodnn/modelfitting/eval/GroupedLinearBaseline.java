package org.aodnn.modelfitting.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aodnn.modelfitting.fit.LeastSquares;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * A least-squares line per group of rows, with coarser groups as fallbacks: the shape shared by both
 * baselines. Predictions are clamped below at half the smallest latency seen, as the predictor's are.
 */
final class GroupedLinearBaseline implements LatencyModel {

    private final String method;
    private final List<Function<LayerSample, String>> grouping;
    private final Function<LayerSample, double[]> features;
    private final List<Map<String, double[]>> fits = new ArrayList<>();
    private final double minMs;

    GroupedLinearBaseline(String method, List<LayerSample> training, List<Function<LayerSample, String>> grouping,
                          Function<LayerSample, double[]> features) {
        this.method = method;
        this.grouping = grouping;
        this.features = features;
        double min = Double.POSITIVE_INFINITY;
        for (LayerSample s : training) {
            min = Math.min(min, s.latencyMs());
        }
        this.minMs = 0.5 * min;
        for (Function<LayerSample, String> g : grouping) {
            Map<String, List<LayerSample>> groups = new HashMap<>();
            for (LayerSample s : training) {
                groups.computeIfAbsent(g.apply(s), k -> new ArrayList<>()).add(s);
            }
            Map<String, double[]> level = new HashMap<>();
            for (Map.Entry<String, List<LayerSample>> e : groups.entrySet()) {
                List<LayerSample> rows = e.getValue();
                if (rows.size() < 2) {
                    continue;
                }
                double[][] x = new double[rows.size()][];
                double[] y = new double[rows.size()];
                for (int i = 0; i < y.length; i++) {
                    x[i] = features.apply(rows.get(i));
                    y[i] = rows.get(i).latencyMs();
                }
                level.put(e.getKey(), LeastSquares.fit(x, y));
            }
            fits.add(level);
        }
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public double predictMs(LayerSample sample) {
        for (int i = 0; i < grouping.size(); i++) {
            double[] b = fits.get(i).get(grouping.get(i).apply(sample));
            if (b != null) {
                return Math.max(LeastSquares.predict(b, features.apply(sample)), minMs);
            }
        }
        return minMs;
    }
}
