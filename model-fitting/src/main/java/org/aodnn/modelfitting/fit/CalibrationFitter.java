package org.aodnn.modelfitting.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aodnn.modelfitting.predictor.Calibration;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.UnitModel;

/**
 * Fits the browser calibration of Eq. 2 and 3: for each browser measurement, c is the base platform's
 * prediction for the same layer (same geometry, same threads), and the measured browser latency is
 * regressed on c (linear, B_u) or on c and c^2 (quadratic, B_s, browsers with WebAssembly) by least
 * squares. One B^i per layer type: a single B for all layers fits badly, because the browser/native ratio
 * differs by layer type (measured: docs/benchmarks/model-fitting.md). Types without enough rows use
 * their family's fit, then the global one.
 */
public final class CalibrationFitter {

    private CalibrationFitter() {
    }

    public static Calibration fit(PredictorEvaluator base, String basePlatform, String browserPlatform,
                                  List<LayerSample> browserRows) {
        String kind = Platforms.usesWebAssembly(browserPlatform) ? Calibration.QUADRATIC : Calibration.LINEAR;
        return fitKind(base, basePlatform, kind, browserRows);
    }

    /**
     * {@code kind} is {@link Calibration#LINEAR} (Eq. 2) or {@link Calibration#QUADRATIC} (Eq. 3). One B^i is
     * fitted per layer type with enough rows, per family, and one over all rows.
     */
    public static Calibration fitKind(PredictorEvaluator base, String basePlatform, String kind,
                                      List<LayerSample> browserRows) {
        int needed = Calibration.QUADRATIC.equals(kind) ? 3 : 2;
        if (browserRows.size() < needed) {
            throw new IllegalArgumentException("calibration needs at least " + needed + " browser rows, got "
                    + browserRows.size());
        }
        double[] c = new double[browserRows.size()];
        double minMs = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.length; i++) {
            c[i] = base.predict(basePlatform, browserRows.get(i)).ms();
            minMs = Math.min(minMs, browserRows.get(i).latencyMs());
        }
        Map<String, List<Integer>> byType = new TreeMap<>();
        Map<String, List<Integer>> byFamily = new TreeMap<>();
        for (int i = 0; i < c.length; i++) {
            byType.computeIfAbsent(browserRows.get(i).typeKey(), k -> new ArrayList<>()).add(i);
            byFamily.computeIfAbsent(browserRows.get(i).family().id(), k -> new ArrayList<>()).add(i);
        }
        List<Calibration.Fit> fits = new ArrayList<>();
        int minRows = Math.max(MIN_ROWS, needed + 1);
        for (Map.Entry<String, List<Integer>> e : byType.entrySet()) {
            if (e.getValue().size() >= minRows) {
                fits.add(fitOne(e.getKey(), UnitModel.LEVEL_TYPE, kind, e.getValue(), c, browserRows));
            }
        }
        for (Map.Entry<String, List<Integer>> e : byFamily.entrySet()) {
            if (e.getValue().size() >= minRows) {
                fits.add(fitOne(e.getKey(), UnitModel.LEVEL_FAMILY, kind, e.getValue(), c, browserRows));
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            all.add(i);
        }
        fits.add(fitOne("*", UnitModel.LEVEL_GLOBAL, kind, all, c, browserRows));
        return new Calibration(basePlatform, kind, 0.5 * minMs, fits);
    }

    private static final int MIN_ROWS = 8;

    private static Calibration.Fit fitOne(String key, String level, String kind, List<Integer> rows, double[] c,
                                          List<LayerSample> browserRows) {
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int r = 0; r < y.length; r++) {
            double ci = c[rows.get(r)];
            x[r] = Calibration.QUADRATIC.equals(kind) ? new double[] {ci * ci, ci} : new double[] {ci};
            y[r] = browserRows.get(rows.get(r)).latencyMs();
        }
        double[] b = LeastSquares.fit(x, y);
        if (Calibration.QUADRATIC.equals(kind)) {
            return new Calibration.Fit(key, level, b[1], b[2], b[0], y.length);
        }
        return new Calibration.Fit(key, level, b[1], 0.0, b[0], y.length);
    }
}
