package org.aodnn.modelfitting.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * Accuracy of one or more methods on the same rows: the metrics table (per method, platform and family,
 * plus {@code all}), the model-level sums and their shares within +-10 %.
 */
public record EvaluationReport(String evaluation, List<PointPrediction> points, List<MetricsRow> metrics,
                               List<ModelLevelError> modelLevel, List<ModelLevelSummary> modelLevelSummary) {

    public static final String ALL = "all";

    public EvaluationReport {
        points = List.copyOf(points);
        metrics = List.copyOf(metrics);
        modelLevel = List.copyOf(modelLevel);
        modelLevelSummary = List.copyOf(modelLevelSummary);
    }

    public static EvaluationReport of(String evaluation, List<PointPrediction> points) {
        return of(evaluation, points, Quantity.LATENCY);
    }

    /** As {@link #of(String, List)}, the relative figures counting rows above {@code quantity}'s floor. */
    public static EvaluationReport of(String evaluation, List<PointPrediction> points, Quantity quantity) {
        Map<String, List<PointPrediction>> groups = new TreeMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, ModelLevelKey> keys = new LinkedHashMap<>();
        for (PointPrediction p : points) {
            LayerSample s = p.sample();
            groups.computeIfAbsent(p.method() + "\u0000" + s.platform() + "\u0000" + ALL, k -> new ArrayList<>()).add(p);
            groups.computeIfAbsent(p.method() + "\u0000" + s.platform() + "\u0000" + p.family(), k -> new ArrayList<>()).add(p);
            // a model run: one model on one device, platform and thread count
            String mk = p.method() + "\u0000" + s.model() + "\u0000" + s.platform() + "\u0000" + s.threads()
                    + "\u0000" + s.device();
            sums.computeIfAbsent(mk, k -> new double[2]);
            sums.get(mk)[0] += s.latencyMs();
            sums.get(mk)[1] += p.predictedMs();
            keys.putIfAbsent(mk, new ModelLevelKey(p.method(), s.model(), s.platform(), s.threads(), s.device()));
        }
        List<MetricsRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<PointPrediction>> e : groups.entrySet()) {
            String[] k = e.getKey().split("\u0000");
            List<PointPrediction> ps = e.getValue();
            double[] measured = new double[ps.size()];
            double[] predicted = new double[ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                measured[i] = ps.get(i).measuredMs();
                predicted[i] = ps.get(i).predictedMs();
            }
            rows.add(new MetricsRow(k[0], k[1], k[2], ErrorMetrics.of(measured, predicted,
                    quantity.accuracyFloor(k[1]))));
        }
        List<ModelLevelError> modelLevel = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            ModelLevelKey k = keys.get(e.getKey());
            modelLevel.add(new ModelLevelError(k.method, k.model, k.platform, k.threads, k.device, e.getValue()[0],
                    e.getValue()[1]));
        }
        Map<String, List<ModelLevelError>> byMethodPlatform = new TreeMap<>();
        for (ModelLevelError m : modelLevel) {
            byMethodPlatform.computeIfAbsent(m.method() + "\u0000" + m.platform(), k -> new ArrayList<>()).add(m);
            byMethodPlatform.computeIfAbsent(m.method() + "\u0000" + ALL, k -> new ArrayList<>()).add(m);
        }
        List<ModelLevelSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<ModelLevelError>> e : byMethodPlatform.entrySet()) {
            String[] k = e.getKey().split("\u0000");
            List<ModelLevelError> ms = e.getValue();
            long within = ms.stream().filter(m -> m.within(0.10)).count();
            double mae = ms.stream().mapToDouble(m -> Math.abs(m.relativeError())).average().orElse(Double.NaN);
            summaries.add(new ModelLevelSummary(k[0], k[1], ms.size(), (double) within / ms.size(), mae));
        }
        return new EvaluationReport(evaluation, points, rows, modelLevel, summaries);
    }

    private record ModelLevelKey(String method, String model, String platform, int threads, String device) {
    }

    public List<String> methods() {
        return new ArrayList<>(new TreeSet<>(metrics.stream().map(MetricsRow::method).toList()));
    }

    public MetricsRow metric(String method, String platform, String family) {
        return metrics.stream().filter(r -> r.method().equals(method) && r.platform().equals(platform)
                && r.family().equals(family)).findFirst().orElse(null);
    }

    public ModelLevelSummary modelLevel(String method, String platform) {
        return modelLevelSummary.stream().filter(r -> r.method().equals(method) && r.platform().equals(platform))
                .findFirst().orElse(null);
    }
}
