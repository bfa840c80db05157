package org.aodnn.modelfitting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aodnn.db.cli.Json;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.fit.CalibrationPlan;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.FitResult;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * A fit as a background job: fits the predictor, evaluates it in sample next to the baselines and,
 * optionally, leave-one-model-out; reports progress and stops at the next check when cancelled.
 */
public final class FitTask extends BackgroundTask<FitOutcome> {

    private final List<LayerSample> rows;
    private final FitOptions options;
    private final Map<String, String> calibrationTargets;
    private final Callable<PredictorDocument> baseSource;
    private final boolean leaveOneModelOut;
    private final Quantity quantity;

    public FitTask(List<LayerSample> rows, FitOptions options, Map<String, String> calibrations,
                   boolean leaveOneModelOut) {
        this(rows, options, Quantity.LATENCY, calibrations, leaveOneModelOut);
    }

    /** A fit of {@code quantity}: the rows' measured values are in its unit. */
    public FitTask(List<LayerSample> rows, FitOptions options, Quantity quantity, Map<String, String> calibrations,
                   boolean leaveOneModelOut) {
        this(rows, options, quantity, CalibrationPlan.fromRows(calibrations), leaveOneModelOut);
    }

    /** A fit of {@code quantity} whose calibrated platforms may stand on a base predictor fitted elsewhere. */
    public FitTask(List<LayerSample> rows, FitOptions options, Quantity quantity, CalibrationPlan calibrations,
                   boolean leaveOneModelOut) {
        this(rows, options, quantity, calibrations.targets(), calibrations::base, leaveOneModelOut);
    }

    /**
     * As above, with the base predictor read by {@code baseSource} when the task runs (it returns null for
     * none), so a stored predictor is read from the database on the worker thread, not by the caller.
     */
    public FitTask(List<LayerSample> rows, FitOptions options, Quantity quantity, Map<String, String> calibrationTargets,
                   Callable<PredictorDocument> baseSource, boolean leaveOneModelOut) {
        super("Fit " + options.name() + (quantity == Quantity.LATENCY ? "" : " " + quantity.cliName())
                + " predictor on " + rows.size() + " rows");
        this.rows = List.copyOf(rows);
        this.options = options;
        this.quantity = quantity;
        this.calibrationTargets = Map.copyOf(calibrationTargets);
        this.baseSource = baseSource;
        this.leaveOneModelOut = leaveOneModelOut;
    }

    @Override
    protected FitOutcome call() throws Exception {
        updateMessage("starting");
        CalibrationPlan calibrations = new CalibrationPlan(calibrationTargets, baseSource.call());
        // Progress: the fit is one share, each held-out model of the evaluation another.
        long models = rows.stream().map(LayerSample::model).distinct().count();
        double total = leaveOneModelOut ? 1 + models : 1;
        FitResult fit = new PredictorFitter(options, quantity).fit(rows, calibrations, monitor(0, total));
        PredictorDocument document = fit.document();
        EvaluationReport inSample = Evaluations.inSample(new PredictorEvaluator(document), rows);
        EvaluationReport lomo = null;
        if (leaveOneModelOut) {
            lomo = Evaluations.leaveOneModelOut(rows, options, quantity, calibrations, monitor(1, total));
        }
        document = document.withMetrics(metrics(inSample, lomo, fit.warnings()));
        updateProgress(total, total);
        updateMessage("done");
        return new FitOutcome(document, fit, rows, inSample, lomo);
    }

    private FitMonitor monitor(double offset, double total) {
        return new FitMonitor() {
            @Override
            public void progress(double done, double of, String message) {
                double share = leaveOneModelOut && offset > 0 ? total - 1 : 1;
                updateProgress(offset + (of > 0 ? share * done / of : 0), total);
                updateMessage(message);
            }

            @Override
            public void checkCancelled() {
                FitTask.this.checkCancelled();
            }
        };
    }

    /** The metrics block stored in the document. */
    public static ObjectNode metrics(EvaluationReport inSample, EvaluationReport lomo, List<String> warnings) {
        ObjectNode m = Json.object();
        m.set(inSample.evaluation(), summary(inSample));
        if (lomo != null) {
            m.set(lomo.evaluation(), summary(lomo));
        }
        m.set("warnings", Json.MAPPER.valueToTree(warnings));
        return m;
    }

    public static ObjectNode summary(EvaluationReport report) {
        ObjectNode s = Json.object();
        s.set("layer", Json.MAPPER.valueToTree(report.metrics()));
        s.set("modelLevel", Json.MAPPER.valueToTree(report.modelLevelSummary()));
        return s;
    }
}
