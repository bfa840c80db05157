package org.aodnn.modelfitting.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aodnn.modelfitting.FeatureCurve;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.Calibration;
import org.aodnn.modelfitting.predictor.PlatformPredictor;
import org.aodnn.modelfitting.predictor.Quantity;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * The chart series of a fit outcome for one chosen platform: measured vs predicted, residuals along a feature,
 * CV error by degree, and one layer type's unit-model curve. The series are recomputed whenever the outcome's
 * platform, feature or type choice changes, so the charts only ever bind to these lists.
 */
final class OutcomeCharts {

    private static final int CURVE_POINTS = 60;

    private final ObservableValue<FitOutcome> outcome;

    private final ObservableList<String> chartPlatforms = FXCollections.observableArrayList();
    private final StringProperty chartPlatform = new SimpleStringProperty(this, "chartPlatform");
    private final ObservableList<String> features = FXCollections.observableArrayList(
            Arrays.stream(BaseFeature.values()).map(BaseFeature::id).toList());
    private final StringProperty residualFeature = new SimpleStringProperty(this, "residualFeature", BaseFeature.FLOPS.id());
    private final ObservableList<String> curveTypes = FXCollections.observableArrayList();
    private final StringProperty curveType = new SimpleStringProperty(this, "curveType");
    private final StringProperty curveFeature = new SimpleStringProperty(this, "curveFeature", BaseFeature.FLOPS.id());
    private final ObservableList<XYChart.Series<Number, Number>> measuredVsPredicted = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> residuals = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> cvMse = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> curve = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper residualLogX = new ReadOnlyBooleanWrapper(this, "residualLogX");
    private final ReadOnlyBooleanWrapper curveLogX = new ReadOnlyBooleanWrapper(this, "curveLogX");
    private final ReadOnlyStringWrapper residualAxisLabel = new ReadOnlyStringWrapper(this, "residualAxisLabel", "");
    private final ReadOnlyStringWrapper curveAxisLabel = new ReadOnlyStringWrapper(this, "curveAxisLabel", "");
    private final ReadOnlyStringWrapper chartNote = new ReadOnlyStringWrapper(this, "chartNote", "");
    private final ReadOnlyStringWrapper curveNote = new ReadOnlyStringWrapper(this, "curveNote", "");
    private final ReadOnlyStringWrapper valueName = new ReadOnlyStringWrapper(this, "valueName", valueName(Quantity.LATENCY));

    /** Set while {@link #replaceKeeping} puts a choice back: not the operator's change, the caller redraws. */
    private boolean restoring;

    OutcomeCharts(ObservableValue<FitOutcome> outcome) {
        this.outcome = outcome;
        chartPlatform.addListener((obs, old, now) -> {
            if (!restoring) {
                refreshCharts();
            }
        });
        residualFeature.addListener((obs, old, now) -> refreshResiduals());
        curveType.addListener((obs, old, now) -> {
            if (!restoring) {
                refreshCurve();
            }
        });
        curveFeature.addListener((obs, old, now) -> refreshCurve());
    }

    /**
     * Offers the new outcome's platforms that have rows (a base platform borrowed from a stored predictor
     * has none to chart); keeps the charted platform when the outcome still has it.
     */
    void show(FitOutcome result) {
        valueName.set(valueName(result.document().quantityKind()));
        Set<String> measured = result.rows().stream().map(LayerSample::platform).collect(Collectors.toSet());
        List<String> platforms = result.document().platformNames().stream().filter(measured::contains).toList();
        String keep = chartPlatform.get();
        replaceKeeping(chartPlatforms, platforms, chartPlatform, keep);
        if (keep != null && platforms.contains(keep)) {
            // the choice is unchanged, so its listener will not fire: redraw for the new outcome here
            refreshCharts();
        } else if (platforms.isEmpty()) {
            chartPlatform.set(null);
            refreshCharts(); // nothing to chart: clear what the last outcome drew (the value may be null already)
        } else {
            chartPlatform.set(platforms.get(0));
        }
    }

    private void refreshCharts() {
        FitOutcome result = outcome.getValue();
        String platform = chartPlatform.get();
        if (result == null || platform == null) {
            measuredVsPredicted.clear();
            residuals.clear();
            cvMse.clear();
            curve.clear();
            curveTypes.clear();
            return;
        }
        List<PointPrediction> points = onPlatform(result.predictorPoints(), platform);
        measuredVsPredicted.setAll(FitCharts.measuredVsPredicted(points));
        long flagged = FitCharts.flagged(points);
        Calibration calibration = result.document().platform(platform).map(PlatformPredictor::calibration).orElse(null);
        chartNote.set((calibration == null ? "" : platform + " is calibrated on " + calibration.basePlatform() + " ("
                + (Calibration.QUADRATIC.equals(calibration.kind()) ? "Eq. 3, quadratic" : "Eq. 2, linear")
                + "): it has no unit models of its own, so the CV and curve charts stay empty. ")
                + (points.size() > FitCharts.MAX_POINTS
                ? "Showing " + FitCharts.MAX_POINTS + " of " + points.size() + " layers (evenly thinned). " : "")
                + (flagged > 0 ? flagged + " of " + points.size()
                        + " layers were predicted by a fallback model (a type with too few rows of its own)." : ""));
        cvMse.setAll(FitCharts.cvMse(result.cvMseByDegree(), platform));
        refreshResiduals();
        Map<String, Long> typeCounts = result.rows().stream().filter(r -> r.platform().equals(platform))
                .collect(Collectors.groupingBy(LayerSample::typeKey, TreeMap::new, Collectors.counting()));
        String keepType = curveType.get();
        replaceKeeping(curveTypes, List.copyOf(typeCounts.keySet()), curveType, keepType);
        if (keepType != null && typeCounts.containsKey(keepType)) {
            refreshCurve();
        } else {
            // standard convolutions show the predictor best (wide FLOPs range); else the most measured type
            String most = typeCounts.containsKey("Conv2d") ? "Conv2d" : typeCounts.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (Objects.equals(most, keepType)) {
                refreshCurve();
            } else {
                curveType.set(most);
            }
        }
    }

    /**
     * Replaces a choice box's items when they changed. Replacing them clears the box's value, which is bound to
     * {@code value}, so the kept choice is put back (quietly: the caller redraws) when it is still offered.
     */
    private void replaceKeeping(ObservableList<String> items, List<String> fresh, StringProperty value, String keep) {
        if (items.equals(fresh)) {
            return;
        }
        boolean wasRestoring = restoring;
        restoring = true;
        try {
            items.setAll(fresh);
            value.set(keep != null && fresh.contains(keep) ? keep : null);
        } finally {
            restoring = wasRestoring;
        }
    }

    private static List<PointPrediction> onPlatform(List<PointPrediction> points, String platform) {
        return points.stream().filter(p -> p.sample().platform().equals(platform)).toList();
    }

    private void refreshResiduals() {
        FitOutcome result = outcome.getValue();
        String platform = chartPlatform.get();
        if (result == null || platform == null || residualFeature.get() == null) {
            residuals.clear();
            return;
        }
        BaseFeature feature = BaseFeature.ofId(residualFeature.get());
        List<PointPrediction> points = onPlatform(FitOutcome.predictorPoints(result.inSample()), platform);
        boolean logX = FitCharts.logScale(points.stream().filter(p -> feature.known(p.sample()))
                .map(p -> feature.value(p.sample())).toList());
        residualLogX.set(logX);
        residualAxisLabel.set(feature.id() + (logX ? " (log scale)" : ""));
        residuals.setAll(FitCharts.residuals(points, feature, logX));
    }

    private void refreshCurve() {
        FitOutcome result = outcome.getValue();
        String platform = chartPlatform.get();
        String type = curveType.get();
        if (result == null || platform == null || type == null || curveFeature.get() == null) {
            curve.clear();
            return;
        }
        BaseFeature feature = BaseFeature.ofId(curveFeature.get());
        try {
            FeatureCurve c = result.curve(platform, type, feature, CURVE_POINTS);
            List<Double> xs = new ArrayList<>();
            c.measured().forEach(p -> xs.add(p[0]));
            boolean logX = FitCharts.logScale(xs);
            curveLogX.set(logX);
            curveAxisLabel.set(feature.id() + (logX ? " (log scale)" : ""));
            curve.setAll(FitCharts.curve(c, logX));
            curveNote.set("Unit model '" + c.unit() + "' on " + platform + " along " + feature.id()
                    + ", its other features at their median over " + c.measured().size() + " measured " + type
                    + " layers." + (!c.isFlat() ? "" : c.unitFeatures().contains(feature.id())
                    ? " The curve is flat: the fit gave " + feature.id() + " no weight in this unit model."
                    : " The curve is flat: this unit model does not take " + feature.id() + "; it takes "
                            + String.join(", ", c.unitFeatures()) + "."));
        } catch (IllegalArgumentException e) {
            // a type/feature pair without a curve is an ordinary choice, not a failure: say so beside the chart
            curve.clear();
            curveNote.set("No curve: " + e.getMessage());
        }
    }

    ObservableList<String> chartPlatforms() {
        return chartPlatforms;
    }

    StringProperty chartPlatformProperty() {
        return chartPlatform;
    }

    ObservableList<String> features() {
        return features;
    }

    StringProperty residualFeatureProperty() {
        return residualFeature;
    }

    ObservableList<String> curveTypes() {
        return curveTypes;
    }

    StringProperty curveTypeProperty() {
        return curveType;
    }

    StringProperty curveFeatureProperty() {
        return curveFeature;
    }

    ObservableList<XYChart.Series<Number, Number>> measuredVsPredicted() {
        return measuredVsPredicted;
    }

    ObservableList<XYChart.Series<Number, Number>> residuals() {
        return residuals;
    }

    ObservableList<XYChart.Series<Number, Number>> cvMse() {
        return cvMse;
    }

    ObservableList<XYChart.Series<Number, Number>> curve() {
        return curve;
    }

    ReadOnlyBooleanProperty residualLogXProperty() {
        return residualLogX.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty curveLogXProperty() {
        return curveLogX.getReadOnlyProperty();
    }

    ReadOnlyStringProperty residualAxisLabelProperty() {
        return residualAxisLabel.getReadOnlyProperty();
    }

    ReadOnlyStringProperty curveAxisLabelProperty() {
        return curveAxisLabel.getReadOnlyProperty();
    }

    ReadOnlyStringProperty chartNoteProperty() {
        return chartNote.getReadOnlyProperty();
    }

    /** What the charts' value axes show: {@code latency ms} or {@code energy mJ}. */
    ReadOnlyStringProperty valueNameProperty() {
        return valueName.getReadOnlyProperty();
    }

    static String valueName(Quantity quantity) {
        return quantity.cliName() + " " + quantity.unit();
    }

    ReadOnlyStringProperty curveNoteProperty() {
        return curveNote.getReadOnlyProperty();
    }
}
