package org.aodnn.modelfitting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.FeatureInput;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.UnitModel;

/** Samples a unit model along one feature, the others held at their median, for the curve chart. */
public final class FeatureCurves {

    private FeatureCurves() {
    }

    /**
     * @param rows measured rows of one platform; the curve is for the unit model answering {@code typeKey}
     * @throws IllegalArgumentException when no row has that type or the platform is calibrated
     */
    public static FeatureCurve along(PredictorEvaluator evaluator, String platform, String typeKey,
                                     List<LayerSample> rows, BaseFeature feature, int points) {
        List<LayerSample> unitRows = rows.stream()
                .filter(s -> s.platform().equals(platform) && s.typeKey().equals(typeKey)).toList();
        if (unitRows.isEmpty()) {
            throw new IllegalArgumentException("no rows of type '" + typeKey + "' on platform '" + platform + "'");
        }
        UnitModel unit = evaluator.unitFor(platform, unitRows.get(0))
                .orElseThrow(() -> new IllegalArgumentException("platform '" + platform
                        + "' has no fitted unit models (calibrated or unknown)"))
                .unit();
        // an unknown value (a CPU frequency nobody read) is no point on this axis
        List<LayerSample> placed = unitRows.stream().filter(feature::known).toList();
        if (placed.isEmpty()) {
            throw new IllegalArgumentException("no " + typeKey + " row on '" + platform + "' states its " + feature.id());
        }
        double[] values = placed.stream().mapToDouble(feature::value).sorted().toArray();
        double lo = values[0];
        double hi = values[values.length - 1];
        boolean logSpaced = lo > 0 && hi / lo > 10;
        List<double[]> line = new ArrayList<>();
        int n = Math.max(2, points);
        for (int i = 0; i < n; i++) {
            double f = (double) i / (n - 1);
            double x = logSpaced ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f;
            double[] z = new double[unit.features().size()];
            for (int d = 0; d < z.length; d++) {
                FeatureInput in = unit.features().get(d);
                BaseFeature bf = BaseFeature.ofId(in.name());
                // the others at their median; where no row states it, at the training mean (z = 0) as in fitting
                double raw = bf == feature ? x : median(unitRows, bf);
                z[d] = Double.isNaN(raw) ? 0.0 : in.standardise(raw);
            }
            line.add(new double[] {x, unit.predictStandardised(z)});
        }
        List<double[]> measured = new ArrayList<>();
        for (LayerSample s : placed) {
            measured.add(new double[] {feature.value(s), s.latencyMs()});
        }
        return new FeatureCurve(platform, unit.key(), feature.id(), line, measured,
                unit.features().stream().map(FeatureInput::name).distinct().toList());
    }

    /** The median over the rows that state the value (an unknown CPU frequency is no value of 0). */
    private static double median(List<LayerSample> rows, BaseFeature f) {
        double[] v = rows.stream().filter(f::known).mapToDouble(f::value).toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
