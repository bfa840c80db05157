package org.aodnn.modelfitting.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.aodnn.db.task.CancelledException;
import org.aodnn.modelfitting.fit.CalibrationPlan;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.FitResult;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.Quantity;

/** In-sample and leave-one-model-out evaluation of the predictor next to the baselines. */
public final class Evaluations {

    public static final String IN_SAMPLE = "in-sample";
    public static final String LEAVE_ONE_MODEL_OUT = "leave-one-model-out";

    private Evaluations() {
    }

    /** Every method predicts the rows it was fitted on. */
    public static EvaluationReport inSample(PredictorEvaluator predictor, List<LayerSample> rows) {
        List<LatencyModel> methods = List.of(new PredictorModel(predictor), Baselines.flopsLinear(rows),
                Baselines.leastSquares(rows));
        return EvaluationReport.of(IN_SAMPLE, predictAll(methods, rows), predictor.document().quantityKind());
    }

    /**
     * For each model in turn: fit the predictor and the baselines on the other models' rows and predict the
     * held-out model's rows. This is the accuracy on a network the Workbench has never measured. The report
     * also holds the {@link IdenticalLayerReference} yardstick and the predictor on the rows it covers.
     */
    public static EvaluationReport leaveOneModelOut(List<LayerSample> rows, FitOptions options,
                                                    Map<String, String> calibrations, FitMonitor monitor) {
        return leaveOneModelOut(rows, options, Quantity.LATENCY, CalibrationPlan.fromRows(calibrations), monitor);
    }

    /**
     * As above for a predictor of {@code quantity} (the rows' values are in its unit), with calibrated platforms; a base predictor in the plan is used as it is for every held-out
     * model (it was fitted on other measurements, typically another platform's, and is not refitted here).
     */
    public static EvaluationReport leaveOneModelOut(List<LayerSample> rows, FitOptions options, Quantity quantity,
                                                    CalibrationPlan calibrations, FitMonitor monitor) {
        List<String> models = new ArrayList<>(new TreeSet<>(rows.stream().map(LayerSample::model).toList()));
        if (models.size() < 2) {
            throw new IllegalArgumentException("leave-one-model-out needs at least two models, the data has "
                    + models.size());
        }
        List<PointPrediction> points = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String held = models.get(i);
            monitor.checkCancelled();
            monitor.progress(i, models.size(), "holding out " + held);
            List<LayerSample> train = rows.stream().filter(s -> !s.model().equals(held)).toList();
            List<LayerSample> test = rows.stream().filter(s -> s.model().equals(held)).toList();
            int step = i;
            FitMonitor inner = new FitMonitor() {
                @Override
                public void progress(double done, double total, String message) {
                    monitor.progress(step + (total > 0 ? done / total : 0), models.size(), held + ": " + message);
                }

                @Override
                public void checkCancelled() throws CancelledException {
                    monitor.checkCancelled();
                }
            };
            FitResult fit = new PredictorFitter(options, quantity).fit(train, calibrations, inner);
            PredictorModel predictor = new PredictorModel(new PredictorEvaluator(fit.document()));
            List<LatencyModel> methods = List.of(predictor, Baselines.flopsLinear(train), Baselines.leastSquares(train));
            points.addAll(predictAll(methods, test));
            IdenticalLayerReference reference = new IdenticalLayerReference(train);
            for (LayerSample s : test) {
                if (reference.covers(s)) {
                    points.add(new PointPrediction(IdenticalLayerReference.METHOD, s, reference.predictMs(s), ""));
                    points.add(new PointPrediction(IdenticalLayerReference.PREDICTOR_ON_COVERED, s,
                            predictor.predictMs(s), predictor.flag(s)));
                }
            }
        }
        monitor.progress(models.size(), models.size(), "evaluated " + models.size() + " held-out models");
        return EvaluationReport.of(LEAVE_ONE_MODEL_OUT, points, quantity);
    }

    static List<PointPrediction> predictAll(List<LatencyModel> methods, List<LayerSample> rows) {
        List<PointPrediction> out = new ArrayList<>(rows.size() * methods.size());
        for (LatencyModel m : methods) {
            for (LayerSample s : rows) {
                out.add(new PointPrediction(m.method(), s, m.predictMs(s), m.flag(s)));
            }
        }
        return out;
    }
}
