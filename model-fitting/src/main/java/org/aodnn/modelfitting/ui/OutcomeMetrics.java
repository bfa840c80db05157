package org.aodnn.modelfitting.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.eval.MetricsRow;
import org.aodnn.modelfitting.eval.PredictorModel;
import org.aodnn.modelfitting.predictor.Quantity;

/** The accuracy table of a fit outcome, with a caption saying which evaluation its figures come from. */
final class OutcomeMetrics {

    private final ObservableList<MetricsTableRow> metrics = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper metricsCaption = new ReadOnlyStringWrapper(this, "metricsCaption", "");

    /** Fills the table from the honest evaluation when there is one (leave-one-model-out), else in sample. */
    void show(FitOutcome result) {
        EvaluationReport report = result.leaveOneModelOut() != null ? result.leaveOneModelOut() : result.inSample();
        List<MetricsTableRow> rows = new ArrayList<>();
        String unit = result.document().quantityKind().unit();
        for (MetricsRow r : report.metrics()) {
            rows.add(MetricsTableRow.of(r, r.family().equals(EvaluationReport.ALL)
                    ? report.modelLevel(r.method(), r.platform()) : null, unit));
        }
        // per platform: the all-families row first, then families; the predictor before its baselines
        rows.sort(Comparator.comparing(MetricsTableRow::platform)
                .thenComparing(r -> r.family().equals(EvaluationReport.ALL) ? "" : r.family())
                .thenComparing(r -> methodOrder(r.method())));
        metrics.setAll(rows);
        String quantity = result.document().quantityKind().cliName();
        metricsCaption.set(Character.toUpperCase(quantity.charAt(0)) + quantity.substring(1) + " accuracy, " + (report.evaluation().equals(Evaluations.LEAVE_ONE_MODEL_OUT)
                ? "leave-one-model-out (each model predicted by a fit on the others)"
                : "in sample (predicting the rows the fit saw)")
                + "; relative figures count layers " + (result.document().quantityKind() == Quantity.LATENCY
                        ? "at or above the floor" : "with energy above 0") + "; model level: share of (model, platform,"
                + " threads) whose summed prediction is within ±10 %.");
    }

    private static String methodOrder(String method) {
        return method.equals(PredictorModel.METHOD) ? "0" : "1" + method;
    }

    ObservableList<MetricsTableRow> metrics() {
        return metrics;
    }

    ReadOnlyStringProperty metricsCaptionProperty() {
        return metricsCaption.getReadOnlyProperty();
    }
}
