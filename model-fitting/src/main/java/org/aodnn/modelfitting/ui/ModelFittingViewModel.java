package org.aodnn.modelfitting.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aodnn.db.Store;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * The Model Fitting workspace's state, as the one object the {@link ModelFittingView} binds to. The work is
 * done by parts with one concern each: {@link FitDataSelection} (which stored measurements), {@link FitRun}
 * (the running fit and its outcome), {@link OutcomeCharts} and {@link OutcomeMetrics} (what an outcome shows)
 * and {@link StoredPredictorList} (save, export, delete); they share one status/error line
 * ({@link WorkspaceMessages}). Every database access and the fit run through the {@link TaskExecutor}; results
 * arrive on the UI thread, where all properties here change.
 */
public final class ModelFittingViewModel implements Activatable {

    /** The fit modes offered: the default, the variant recommended for browsers, and the paper's Eq. 1-4 as written. */
    public static final List<String> MODES = List.of("log", "log-split", "paper");
    public static final List<String> EVALUATIONS = List.of(Evaluations.IN_SAMPLE, Evaluations.LEAVE_ONE_MODEL_OUT);

    private final WorkspaceMessages messages = new WorkspaceMessages();
    private final FitDataSelection selection;
    private final FitRun run;
    private final OutcomeCharts charts;
    private final OutcomeMetrics metrics = new OutcomeMetrics();
    private final StoredPredictorList stored;
    // the save name last offered by the workspace itself, as opposed to one the operator typed
    private String offeredName;

    public ModelFittingViewModel(Store store, TaskExecutor executor) {
        selection = new FitDataSelection(store, executor, messages);
        run = new FitRun(store, executor, selection, messages, this::show);
        charts = new OutcomeCharts(run.outcomeProperty());
        stored = new StoredPredictorList(store, executor, run.outcomeProperty(), messages);
        // every stored latency predictor's fitted platforms can be a calibration base
        stored.storedPredictors().addListener((ListChangeListener<StoredPredictor>) c ->
                run.offerBases(stored.storedPredictors()));
    }

    @Override
    public void activate() {
        reloadProfiles();
        reloadPredictors();
    }

    @Override
    public void deactivate() {
        // Loads are one-shot; a running fit keeps running in the task area and delivers here when done.
    }

    /** A new outcome fans out to every part that displays it; runs after the run has published the outcome. */
    private void show(FitOutcome result) {
        charts.show(result);
        metrics.show(result);
        StringProperty saveName = stored.saveNameProperty();
        // a name the operator typed wins; otherwise offer one saying what was fitted, renewed with each fit
        // (a name offered for an earlier fit would save a different predictor over it)
        String current = saveName.get();
        if (current == null || current.isBlank() || current.equals(offeredName)) {
            offeredName = defaultName(result);
            saveName.set(offeredName);
        }
    }

    private String defaultName(FitOutcome result) {
        List<String> devices = run.fittedDevices();
        PredictorDocument doc = result.document();
        return (devices.isEmpty() ? "" : String.join("+", devices) + "-")
                + String.join("+", doc.platformNames()).replace('/', '-') + "-" + doc.mode()
                + (doc.quantityKind() == Quantity.LATENCY ? "" : "-" + doc.quantityKind().cliName());
    }

    // ---------------------------------------------------------------- actions

    /** Reads the stored profiles; keeps the ticked devices that still exist, else ticks the first. */
    public void reloadProfiles() {
        selection.reloadProfiles();
    }

    /** Ticks every model (true) or none (false). */
    public void selectAllModels(boolean selected) {
        selection.selectAllModels(selected);
    }

    /** Ticks exactly the named models (and no others); names not stored for the profile are ignored. */
    public void selectModels(List<String> names) {
        selection.selectModels(names);
    }

    /** Ticks exactly the named backends. */
    public void selectBackends(List<String> names) {
        selection.selectBackends(names);
    }

    /** The profile's rows on the ticked backends and models: what a fit trains on. */
    public List<LayerSample> selectedRows() {
        return selection.selectedRows();
    }

    /** Starts a fit of the selection as a background task; explains in {@link #errorProperty()} what is missing. */
    public void fit() {
        run.fit();
    }

    /** Asks the running fit to stop at its next check. */
    public void cancel() {
        run.cancel();
    }

    public void reloadPredictors() {
        stored.reloadPredictors();
    }

    /** Stores the fitted predictor under {@link #saveNameProperty()} (replacing only when asked). */
    public void save() {
        stored.save();
    }

    /** Writes the fitted predictor's document to {@code file}. */
    public void exportFit(Path file) {
        stored.exportFit(file);
    }

    /** Writes the selected stored predictor's document to {@code file}, after checking it is a valid document. */
    public void exportSelected(Path file) {
        stored.exportSelected(file);
    }

    /** Deletes the selected stored predictor. */
    public void deleteSelected() {
        stored.deleteSelected();
    }

    // ---------------------------------------------------------------- properties

    /** The stored profiles (the edge server, phones, the reference browser), each with a tick. */
    public ObservableList<SelectableItem> devices() {
        return selection.devices();
    }

    /** Ticks exactly the named devices; their rows are loaded once. */
    public void selectDevices(List<String> names) {
        selection.selectDevices(names);
    }

    /** Rows, models and backends (threads) of the ticked devices, and whether they measured energy. */
    public ReadOnlyStringProperty devicesSummaryProperty() {
        return selection.devicesSummaryProperty();
    }

    public ObservableList<SelectableItem> backends() {
        return selection.backends();
    }

    public ObservableList<SelectableItem> models() {
        return selection.models();
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selection.selectionSummaryProperty();
    }

    /** What to predict: latency (every row) or energy (rows of phone runs that read the battery). */
    public ObservableList<Quantity> quantities() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(Quantity.values()));
    }

    public ObjectProperty<Quantity> quantityProperty() {
        return selection.quantityProperty();
    }

    /** "none" (fit browser backends directly), then the fitted platforms of the stored latency predictors. */
    public ObservableList<CalibrationBase> calibrationBases() {
        return run.calibrationBases();
    }

    public ObjectProperty<CalibrationBase> calibrationBaseProperty() {
        return run.calibrationBaseProperty();
    }

    /** The charts' value axes: {@code latency ms} or {@code energy mJ}, following the shown outcome. */
    public ReadOnlyStringProperty valueNameProperty() {
        return charts.valueNameProperty();
    }

    public ObservableList<String> modes() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(MODES));
    }

    public StringProperty modeProperty() {
        return run.modeProperty();
    }

    public ObservableList<String> evaluations() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(EVALUATIONS));
    }

    public StringProperty evaluationProperty() {
        return run.evaluationProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return selection.loadingProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** 0..1, or -1 while the share is unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyStringProperty taskMessageProperty() {
        return run.taskMessageProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return messages.statusProperty();
    }

    /** Empty while the results shown are of the current selection, else a sentence saying they are not. */
    public ReadOnlyStringProperty staleNoteProperty() {
        return run.staleNoteProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return messages.errorProperty();
    }

    public BooleanBinding canFitBinding() {
        return run.canFitBinding();
    }

    public ReadOnlyObjectProperty<FitOutcome> outcomeProperty() {
        return run.outcomeProperty();
    }

    public ObservableList<String> chartPlatforms() {
        return charts.chartPlatforms();
    }

    public StringProperty chartPlatformProperty() {
        return charts.chartPlatformProperty();
    }

    public ObservableList<String> features() {
        return charts.features();
    }

    public StringProperty residualFeatureProperty() {
        return charts.residualFeatureProperty();
    }

    public ObservableList<String> curveTypes() {
        return charts.curveTypes();
    }

    public StringProperty curveTypeProperty() {
        return charts.curveTypeProperty();
    }

    public StringProperty curveFeatureProperty() {
        return charts.curveFeatureProperty();
    }

    /** log10 measured vs log10 predicted ms: the ±10 % band (series 0, 1), then one series per family. */
    public ObservableList<XYChart.Series<Number, Number>> measuredVsPredicted() {
        return charts.measuredVsPredicted();
    }

    /** Feature (log10 when {@link #residualLogXProperty()}) vs relative residual in %, one series per family. */
    public ObservableList<XYChart.Series<Number, Number>> residuals() {
        return charts.residuals();
    }

    /** Degree vs log10 of the best CV MSE, one series per unit model. */
    public ObservableList<XYChart.Series<Number, Number>> cvMse() {
        return charts.cvMse();
    }

    /** Feature vs log10 ms: the predicted curve (series 0) over the measured layers (series 1). */
    public ObservableList<XYChart.Series<Number, Number>> curve() {
        return charts.curve();
    }

    public ReadOnlyBooleanProperty residualLogXProperty() {
        return charts.residualLogXProperty();
    }

    public ReadOnlyBooleanProperty curveLogXProperty() {
        return charts.curveLogXProperty();
    }

    public ReadOnlyStringProperty residualAxisLabelProperty() {
        return charts.residualAxisLabelProperty();
    }

    public ReadOnlyStringProperty curveAxisLabelProperty() {
        return charts.curveAxisLabelProperty();
    }

    public ReadOnlyStringProperty chartNoteProperty() {
        return charts.chartNoteProperty();
    }

    public ReadOnlyStringProperty curveNoteProperty() {
        return charts.curveNoteProperty();
    }

    public ObservableList<MetricsTableRow> metrics() {
        return metrics.metrics();
    }

    public ReadOnlyStringProperty metricsCaptionProperty() {
        return metrics.metricsCaptionProperty();
    }

    public ObservableList<StoredPredictor> storedPredictors() {
        return stored.storedPredictors();
    }

    public ObjectProperty<StoredPredictor> selectedStoredProperty() {
        return stored.selectedStoredProperty();
    }

    public StringProperty saveNameProperty() {
        return stored.saveNameProperty();
    }

    public BooleanProperty replaceExistingProperty() {
        return stored.replaceExistingProperty();
    }
}
