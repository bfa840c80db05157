package org.aodnn.modelfitting.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.chart.XYChart;
import org.aodnn.modelfitting.CvCurvePoint;
import org.aodnn.modelfitting.FeatureCurve;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.predictor.BaseFeature;

/**
 * The series of the four fit charts, computed from a fit's outcome. Log axes carry log10 values (labelled
 * by {@link PowerOfTenLabels}). Scatter series are thinned evenly to {@link #MAX_POINTS} so that a fit over
 * every stored row still draws quickly; the caption says when that happened.
 */
final class FitCharts {

    /**
     * Most points one chart draws. Each is a scene-graph node laid out on the FX thread: with 2500 per chart a
     * fit of the whole edge file held the window for seconds on a 2-core machine with software rendering;
     * 1200 evenly chosen layers still show every family's spread.
     */
    static final int MAX_POINTS = 1200;
    static final String BAND_UPPER = "+10 %";
    static final String BAND_LOWER = "−10 %";
    static final String CURVE_LINE = "predicted (other features at median)";
    static final String CURVE_MEASURED = "measured";

    private FitCharts() {
    }

    /**
     * Band lines first (series 0 and 1: drawn as lines), then one point series per family. Layers predicted
     * by a fallback model (flagged) keep their family's colour; {@link #flagged} counts them for the caption.
     */
    static List<XYChart.Series<Number, Number>> measuredVsPredicted(List<PointPrediction> points) {
        List<PointPrediction> drawn = thin(points.stream()
                .filter(p -> p.measuredMs() > 0 && p.predictedMs() > 0).toList());
        Map<String, List<XYChart.Data<Number, Number>>> byFamily = new TreeMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PointPrediction p : drawn) {
            double x = Math.log10(p.measuredMs());
            double y = Math.log10(p.predictedMs());
            lo = Math.min(lo, Math.min(x, y));
            hi = Math.max(hi, Math.max(x, y));
            byFamily.computeIfAbsent(p.family(), f -> new ArrayList<>()).add(new XYChart.Data<>(x, y));
        }
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        if (drawn.isEmpty()) {
            return out;
        }
        out.add(line(BAND_UPPER, lo, hi, Math.log10(1.1)));
        out.add(line(BAND_LOWER, lo, hi, Math.log10(0.9)));
        byFamily.forEach((family, data) -> out.add(series(family, data)));
        return out;
    }

    /** Layers whose prediction came from a fallback (family, related family or global) model. */
    static long flagged(List<PointPrediction> points) {
        return points.stream().filter(p -> p.flag() != null && !p.flag().isEmpty()).count();
    }

    private static XYChart.Series<Number, Number> line(String name, double lo, double hi, double offset) {
        return series(name, List.of(new XYChart.Data<>(lo, lo + offset), new XYChart.Data<>(hi, hi + offset)));
    }

    /**
     * Relative residual (predicted / measured - 1, in %) against a feature: the ±10 % lines first (series 0
     * and 1, as in {@link #measuredVsPredicted}, so a family has the same colour in both charts), then one
     * point series per family.
     */
    static List<XYChart.Series<Number, Number>> residuals(List<PointPrediction> points, BaseFeature feature,
                                                         boolean logX) {
        Map<String, List<XYChart.Data<Number, Number>>> byFamily = new TreeMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        // rows that do not state the feature (an unknown CPU frequency) have no place on its axis
        for (PointPrediction p : thin(points.stream().filter(p -> p.measuredMs() > 0 && feature.known(p.sample()))
                .toList())) {
            double raw = feature.value(p.sample());
            if (logX && !(raw > 0)) {
                continue;
            }
            double x = logX ? Math.log10(raw) : raw;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            byFamily.computeIfAbsent(p.family(), f -> new ArrayList<>())
                    .add(new XYChart.Data<>(x, 100 * p.relativeError()));
        }
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        if (byFamily.isEmpty()) {
            return out;
        }
        out.add(series(BAND_UPPER, List.of(new XYChart.Data<>(lo, 10.0), new XYChart.Data<>(hi, 10.0))));
        out.add(series(BAND_LOWER, List.of(new XYChart.Data<>(lo, -10.0), new XYChart.Data<>(hi, -10.0))));
        byFamily.forEach((family, data) -> out.add(series(family, data)));
        return out;
    }

    /** A feature is drawn on a log axis when all its values are positive and span more than a factor of 10. */
    static boolean logScale(List<Double> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return !values.isEmpty() && lo > 0 && hi / lo > 10;
    }

    /** log10 of the best CV MSE against the degree, one line per unit model of the platform. */
    static List<XYChart.Series<Number, Number>> cvMse(List<CvCurvePoint> points, String platform) {
        Map<String, List<XYChart.Data<Number, Number>>> byUnit = new LinkedHashMap<>();
        points.stream().filter(p -> p.platform().equals(platform) && p.mse() > 0)
                .sorted((a, b) -> a.unit().equals(b.unit()) ? Integer.compare(a.degree(), b.degree())
                        : unitOrder(a).compareTo(unitOrder(b)))
                .forEach(p -> byUnit.computeIfAbsent(p.level().equals("type") ? p.unit() : p.unit() + " (" + p.level() + ")",
                                u -> new ArrayList<>())
                        .add(new XYChart.Data<>(p.degree(), Math.log10(p.mse()))));
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        byUnit.forEach((unit, data) -> out.add(series(unit, data)));
        return out;
    }

    private static String unitOrder(CvCurvePoint p) {
        return p.family() + "\u0000" + p.level() + "\u0000" + p.unit();
    }

    /** Series 0: the predicted curve (a line); series 1: the measured rows of the unit (points). */
    static List<XYChart.Series<Number, Number>> curve(FeatureCurve curve, boolean logX) {
        List<XYChart.Data<Number, Number>> line = new ArrayList<>();
        for (double[] p : curve.line()) {
            if ((!logX || p[0] > 0) && p[1] > 0) {
                line.add(new XYChart.Data<>(logX ? Math.log10(p[0]) : p[0], Math.log10(p[1])));
            }
        }
        List<XYChart.Data<Number, Number>> measured = new ArrayList<>();
        for (double[] p : thin(curve.measured())) {
            if ((!logX || p[0] > 0) && p[1] > 0) {
                measured.add(new XYChart.Data<>(logX ? Math.log10(p[0]) : p[0], Math.log10(p[1])));
            }
        }
        return List.of(series(CURVE_LINE, line), series(CURVE_MEASURED, measured));
    }

    static <T> List<T> thin(List<T> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<T> out = new ArrayList<>(MAX_POINTS);
        for (int i = 0; i < MAX_POINTS; i++) {
            out.add(points.get((int) ((long) i * points.size() / MAX_POINTS)));
        }
        return out;
    }

    private static XYChart.Series<Number, Number> series(String name, List<XYChart.Data<Number, Number>> data) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(data);
        return s;
    }
}
