package org.aodnn.modelfitting.ui;

import java.util.Locale;
import org.aodnn.modelfitting.eval.ErrorMetrics;
import org.aodnn.modelfitting.eval.MetricsRow;
import org.aodnn.modelfitting.eval.ModelLevelSummary;

/**
 * One line of the metrics table: a method (the predictor or a baseline) on a platform, for one layer family
 * or {@code all}; the model-level share is given on the {@code all} lines only (it is a sum over whole models).
 * {@code unit} is the predicted quantity's ({@code ms} or {@code mJ}).
 */
public record MetricsTableRow(String platform, String family, String method, ErrorMetrics layer,
                              ModelLevelSummary modelLevel, String unit) {

    static MetricsTableRow of(MetricsRow row, ModelLevelSummary modelLevel, String unit) {
        return new MetricsTableRow(row.platform(), row.family(), row.method(), row.layer(), modelLevel, unit);
    }

    /** Layers, and how many count for the relative figures: at or above the latency floor, above 0 for energy. */
    public String rows() {
        return layer.rows() + " (" + layer.rowsAboveFloor() + (layer.floorMs() > 0 ? " ≥ " : " > ")
                + trim(layer.floorMs()) + " " + unit + ")";
    }

    public String rmse() {
        return Double.isNaN(layer.rmse()) ? "–" : String.format(Locale.ROOT, "%.4g %s", layer.rmse(), unit);
    }

    public String mape() {
        return percent(layer.mape());
    }

    public String medianApe() {
        return percent(layer.medianApe());
    }

    public String within5() {
        return percent(layer.within5());
    }

    public String within10() {
        return percent(layer.within10());
    }

    public String modelLevelWithin10() {
        if (modelLevel == null) {
            return "";
        }
        long within = Math.round(modelLevel.within10() * modelLevel.groups());
        return percent(modelLevel.within10()) + " (" + within + " of " + modelLevel.groups() + ")";
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%s", v).replaceAll("\\.?0+$", "");
    }
}
