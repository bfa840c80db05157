package org.aodnn.modelfitting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.eval.PredictorModel;
import org.aodnn.modelfitting.fit.CvScore;
import org.aodnn.modelfitting.fit.FitResult;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;

/**
 * Everything a fit produced, shaped for the Model Fitting workspace: the document (metrics included), the
 * in-sample evaluation (predictor and baselines), the leave-one-model-out one when requested, and the
 * series the charts draw.
 */
public record FitOutcome(PredictorDocument document, FitResult fit, List<LayerSample> rows,
                         EvaluationReport inSample, EvaluationReport leaveOneModelOut) {

    public PredictorEvaluator evaluator() {
        return new PredictorEvaluator(document);
    }

    /** Measured vs predicted per layer (colour by {@link PointPrediction#family()}); also the residuals. */
    public List<PointPrediction> predictorPoints() {
        EvaluationReport source = leaveOneModelOut != null ? leaveOneModelOut : inSample;
        return predictorPoints(source);
    }

    public static List<PointPrediction> predictorPoints(EvaluationReport report) {
        return report.points().stream().filter(p -> p.method().equals(PredictorModel.METHOD)).toList();
    }

    /** (feature value, residual ms) pairs of the in-sample predictor points, for the residual chart. */
    public List<double[]> residualsAgainst(BaseFeature feature) {
        List<double[]> out = new ArrayList<>();
        for (PointPrediction p : predictorPoints(inSample)) {
            out.add(new double[] {feature.value(p.sample()), p.residualMs()});
        }
        return out;
    }

    /** Best CV MSE per degree for every unit (lowest over the penalty grid). */
    public List<CvCurvePoint> cvMseByDegree() {
        Map<String, CvCurvePoint> best = new TreeMap<>();
        for (CvScore s : fit.cvScores()) {
            String key = s.platform() + "\u0000" + s.unit() + "\u0000" + s.degree();
            CvCurvePoint current = best.get(key);
            if (current == null || s.mse() < current.mse()) {
                best.put(key, new CvCurvePoint(s.platform(), s.unit(), s.level(), s.family(), s.degree(), s.mse()));
            }
        }
        return List.copyOf(best.values());
    }

    public FeatureCurve curve(String platform, String typeKey, BaseFeature feature, int points) {
        return FeatureCurves.along(evaluator(), platform, typeKey, rows, feature, points);
    }
}
