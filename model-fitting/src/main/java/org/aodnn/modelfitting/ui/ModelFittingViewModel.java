package org.aodnn.modelfitting.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aodnn.db.Store;
import org.aodnn.db.cli.Json;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.MeasurementRepository.ProfileSummary;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.modelfitting.FeatureCurve;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.FitTask;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.eval.MetricsRow;
import org.aodnn.modelfitting.eval.PointPrediction;
import org.aodnn.modelfitting.eval.PredictorModel;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;

/**
 * The Model Fitting workspace's state: which stored measurements to fit (profile, backends, models), how
 * (mode, evaluation), the running fit (progress, cancel), the outcome as chart series and a metrics table,
 * and the stored predictors (save, export, delete). Every database access and the fit run through the
 * {@link TaskExecutor}; results arrive on the UI thread, where all properties here change.
 */
public final class ModelFittingViewModel implements Activatable {

    /** The fit modes offered: the default, the variant recommended for browsers, and the paper's Eq. 1-4 as written. */
    public static final List<String> MODES = List.of("log", "log-split", "paper");
    public static final List<String> EVALUATIONS = List.of(Evaluations.IN_SAMPLE, Evaluations.LEAVE_ONE_MODEL_OUT);
    private static final int CURVE_POINTS = 60;

    private final Store store;
    private final TaskExecutor executor;
    private final PredictorRepository predictors;

    // data selection
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty(this, "profile");
    private final ReadOnlyStringWrapper profileSummary = new ReadOnlyStringWrapper(this, "profileSummary", "");
    private final ObservableList<SelectableItem> backends =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ObservableList<SelectableItem> models =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper(this, "selectionSummary", "");
    private final StringProperty mode = new SimpleStringProperty(this, "mode", "log");
    private final StringProperty evaluation = new SimpleStringProperty(this, "evaluation", Evaluations.IN_SAMPLE);
    private List<ProfileSummary> profileSummaries = List.of();
    private List<LayerSample> profileRows = List.of();
    private long loadGeneration;

    // the running fit
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyStringWrapper taskMessage = new ReadOnlyStringWrapper(this, "taskMessage", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding canFit;
    private FitTask fitTask;

    // the outcome
    private final ReadOnlyObjectWrapper<FitOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
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
    private final ObservableList<MetricsTableRow> metrics = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper metricsCaption = new ReadOnlyStringWrapper(this, "metricsCaption", "");

    // stored predictors
    private final ObservableList<StoredPredictor> storedPredictors = FXCollections.observableArrayList();
    private final ObjectProperty<StoredPredictor> selectedStored = new SimpleObjectProperty<>(this, "selectedStored");
    private final StringProperty saveName = new SimpleStringProperty(this, "saveName", "");
    private final BooleanProperty replaceExisting = new SimpleBooleanProperty(this, "replaceExisting");
    private String selectAfterReload;

    public ModelFittingViewModel(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        this.predictors = new PredictorRepository(store.dsl());
        canFit = Bindings.createBooleanBinding(() -> !running.get() && !loading.get() && !profileRows.isEmpty()
                        && backends.stream().anyMatch(SelectableItem::isSelected)
                        && models.stream().anyMatch(SelectableItem::isSelected),
                running, loading, backends, models);
        profile.addListener((obs, old, now) -> loadProfile(now));
        backends.addListener((javafx.collections.ListChangeListener<SelectableItem>) c -> updateSelectionSummary());
        models.addListener((javafx.collections.ListChangeListener<SelectableItem>) c -> updateSelectionSummary());
        chartPlatform.addListener((obs, old, now) -> refreshCharts());
        residualFeature.addListener((obs, old, now) -> refreshResiduals());
        curveType.addListener((obs, old, now) -> refreshCurve());
        curveFeature.addListener((obs, old, now) -> refreshCurve());
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

    // ---------------------------------------------------------------- data selection

    /** Reads the stored profiles; keeps the chosen one if it still exists, else chooses the first. */
    public void reloadProfiles() {
        loading.set(true);
        executor.execute(BackgroundTask.of("Reading stored measurement profiles", () -> store.measurements().profiles()),
                TaskCallbacks.<List<ProfileSummary>>of(list -> {
                    loading.set(false);
                    profileSummaries = list;
                    List<String> names = list.stream().map(ProfileSummary::platform).distinct().toList();
                    String keep = profile.get();
                    profiles.setAll(names);
                    if (names.isEmpty()) {
                        profile.set(null);
                        status.set("No measurements are stored yet: profile a device or import a layer CSV first.");
                    } else if (keep != null && names.contains(keep)) {
                        loadProfile(keep);
                    } else {
                        profile.set(names.get(0));
                    }
                }, e -> {
                    loading.set(false);
                    error.set("Cannot read the stored measurements: " + message(e));
                }));
    }

    private void loadProfile(String name) {
        long generation = ++loadGeneration;
        profileRows = List.of();
        backends.clear();
        models.clear();
        if (name == null) {
            profileSummary.set("");
            return;
        }
        loading.set(true);
        error.set("");
        executor.execute(BackgroundTask.of("Loading measurements of " + name, () -> StoredRows.ofProfile(store, name)),
                TaskCallbacks.<List<LayerSample>>of(rows -> {
                    if (generation != loadGeneration) {
                        return; // another profile was chosen meanwhile
                    }
                    profileRows = rows;
                    loading.set(false);
                    backends.setAll(rows.stream().map(LayerSample::platform).collect(Collectors.toCollection(TreeSet::new))
                            .stream().map(b -> new SelectableItem(b, true)).toList());
                    models.setAll(rows.stream().map(LayerSample::model).collect(Collectors.toCollection(TreeSet::new))
                            .stream().map(m -> new SelectableItem(m, true)).toList());
                    profileSummary.set(describeProfile(name));
                    status.set("Loaded " + rows.size() + " measurements of " + name + ".");
                }, e -> {
                    if (generation != loadGeneration) {
                        return;
                    }
                    loading.set(false);
                    error.set("Cannot load the measurements of '" + name + "': " + message(e));
                }));
    }

    private String describeProfile(String name) {
        Map<String, TreeSet<Integer>> threads = new TreeMap<>();
        int rows = 0;
        for (ProfileSummary p : profileSummaries) {
            if (p.platform().equals(name)) {
                rows += p.rows();
                String backend = p.backend().isEmpty() ? p.target() : p.target() + "/" + p.backend();
                threads.computeIfAbsent(backend, b -> new TreeSet<>()).add(p.threads());
            }
        }
        String parts = threads.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue().equals(Set.of(0)) ? "" : " (threads " + e.getValue().stream()
                        .map(String::valueOf).collect(Collectors.joining("/")) + ")"))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d rows, %d models: %s", rows, models.size(), parts);
    }

    /** Ticks every model (true) or none (false). */
    public void selectAllModels(boolean selected) {
        models.forEach(m -> m.setSelected(selected));
    }

    /** Ticks exactly the named models (and no others); names not stored for the profile are ignored. */
    public void selectModels(List<String> names) {
        models.forEach(m -> m.setSelected(names.contains(m.name())));
    }

    /** Ticks exactly the named backends. */
    public void selectBackends(List<String> names) {
        backends.forEach(b -> b.setSelected(names.contains(b.name())));
    }

    private void updateSelectionSummary() {
        selectionSummary.set(selectedRows().size() + " rows selected");
    }

    /** The profile's rows on the ticked backends and models: what a fit trains on. */
    public List<LayerSample> selectedRows() {
        Set<String> b = ticked(backends);
        Set<String> m = ticked(models);
        return profileRows.stream().filter(r -> b.contains(r.platform()) && m.contains(r.model())).toList();
    }

    private static Set<String> ticked(List<SelectableItem> items) {
        return items.stream().filter(SelectableItem::isSelected).map(SelectableItem::name)
                .collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- fit

    /** Starts a fit of the selection as a background task; explains in {@link #errorProperty()} what is missing. */
    public void fit() {
        error.set("");
        if (running.get()) {
            error.set("A fit is already running: wait for it or cancel it.");
            return;
        }
        if (loading.get()) {
            error.set("The measurements are still loading.");
            return;
        }
        if (profileRows.isEmpty()) {
            error.set("No measurements to fit: choose a profile with stored measurements.");
            return;
        }
        if (ticked(backends).isEmpty()) {
            error.set("Choose at least one backend to fit.");
            return;
        }
        Set<String> chosenModels = ticked(models);
        if (chosenModels.isEmpty()) {
            error.set("Choose at least one model to fit.");
            return;
        }
        boolean lomo = Evaluations.LEAVE_ONE_MODEL_OUT.equals(evaluation.get());
        if (lomo && chosenModels.size() < 2) {
            error.set("Leave-one-model-out needs at least two models (one is held out, the others train).");
            return;
        }
        FitOptions options;
        try {
            options = FitOptions.mode(mode.get() == null ? "log" : mode.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        List<LayerSample> rows = selectedRows();
        FitTask task = new FitTask(rows, options, Map.of(), lomo);
        fitTask = task;
        running.set(true);
        progress.set(0);
        taskMessage.set("starting");
        status.set(task.title() + "…");
        ProgressListener listener = new CoalescedProgress(executor, (share, text) -> {
            if (fitTask == task) {
                progress.set(share);
                taskMessage.set(text);
            }
        });
        executor.execute(task, TaskCallbacks.<FitOutcome>of(result -> {
            finished(task);
            progress.set(1);
            show(result);
            status.set(String.format(Locale.ROOT, "Fitted a %s predictor on %d rows (%s): platforms %s.",
                    result.document().mode(), rows.size(), lomo ? "evaluated leave-one-model-out" : "evaluated in sample",
                    String.join(", ", result.document().platformNames())));
        }, e -> {
            finished(task);
            progress.set(0);
            error.set("The fit failed: " + message(e));
            status.set("");
        }).withCancelled(() -> {
            finished(task);
            progress.set(0);
            status.set("The fit was cancelled; nothing was changed.");
        }).withProgress(listener));
    }

    private void finished(FitTask task) {
        if (fitTask == task) {
            fitTask = null;
        }
        running.set(false);
        taskMessage.set("");
    }

    /** Asks the running fit to stop at its next check. */
    public void cancel() {
        FitTask task = fitTask;
        if (task != null) {
            task.cancel();
            taskMessage.set("cancelling…");
        }
    }

    private void show(FitOutcome result) {
        outcome.set(result);
        List<String> platforms = result.document().platformNames();
        String keep = chartPlatform.get();
        chartPlatforms.setAll(platforms);
        if (keep != null && platforms.contains(keep)) {
            refreshCharts();
        } else {
            chartPlatform.set(platforms.isEmpty() ? null : platforms.get(0));
        }
        fillMetrics(result);
        if (saveName.get() == null || saveName.get().isBlank()) {
            saveName.set(defaultName(result));
        }
    }

    private String defaultName(FitOutcome result) {
        return (profile.get() == null ? "" : profile.get() + "-")
                + String.join("+", result.document().platformNames()).replace('/', '-') + "-" + result.document().mode();
    }

    private void fillMetrics(FitOutcome result) {
        EvaluationReport report = result.leaveOneModelOut() != null ? result.leaveOneModelOut() : result.inSample();
        List<MetricsTableRow> rows = new ArrayList<>();
        for (MetricsRow r : report.metrics()) {
            rows.add(MetricsTableRow.of(r, r.family().equals(EvaluationReport.ALL)
                    ? report.modelLevel(r.method(), r.platform()) : null));
        }
        rows.sort(Comparator.comparing(MetricsTableRow::platform)
                .thenComparing(r -> r.family().equals(EvaluationReport.ALL) ? "" : r.family())
                .thenComparing(r -> methodOrder(r.method())));
        metrics.setAll(rows);
        metricsCaption.set("Accuracy " + (report.evaluation().equals(Evaluations.LEAVE_ONE_MODEL_OUT)
                ? "leave-one-model-out (each model predicted by a fit on the others)"
                : "in sample (predicting the rows the fit saw)")
                + "; relative figures count layers at or above the floor; model level: share of (model, platform,"
                + " threads) whose summed prediction is within ±10 %.");
    }

    private static String methodOrder(String method) {
        return method.equals(PredictorModel.METHOD) ? "0" : "1" + method;
    }

    // ---------------------------------------------------------------- charts

    private void refreshCharts() {
        FitOutcome result = outcome.get();
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
        chartNote.set((points.size() > FitCharts.MAX_POINTS
                ? "Showing " + FitCharts.MAX_POINTS + " of " + points.size() + " layers (evenly thinned). " : "")
                + (flagged > 0 ? flagged + " of " + points.size()
                        + " layers were predicted by a fallback model (a type with too few rows of its own)." : ""));
        cvMse.setAll(FitCharts.cvMse(result.cvMseByDegree(), platform));
        refreshResiduals();
        Map<String, Long> typeCounts = result.rows().stream().filter(r -> r.platform().equals(platform))
                .collect(Collectors.groupingBy(LayerSample::typeKey, TreeMap::new, Collectors.counting()));
        String keepType = curveType.get();
        curveTypes.setAll(typeCounts.keySet());
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

    private static List<PointPrediction> onPlatform(List<PointPrediction> points, String platform) {
        return points.stream().filter(p -> p.sample().platform().equals(platform)).toList();
    }

    private void refreshResiduals() {
        FitOutcome result = outcome.get();
        String platform = chartPlatform.get();
        if (result == null || platform == null || residualFeature.get() == null) {
            residuals.clear();
            return;
        }
        BaseFeature feature = BaseFeature.ofId(residualFeature.get());
        List<PointPrediction> points = onPlatform(FitOutcome.predictorPoints(result.inSample()), platform);
        boolean logX = FitCharts.logScale(points.stream().map(p -> feature.value(p.sample())).toList());
        residualLogX.set(logX);
        residualAxisLabel.set(feature.id() + (logX ? " (log scale)" : ""));
        residuals.setAll(FitCharts.residuals(points, feature, logX));
    }

    private void refreshCurve() {
        FitOutcome result = outcome.get();
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
                    + " layers.");
        } catch (IllegalArgumentException e) {
            curve.clear();
            curveNote.set("No curve: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- stored predictors

    public void reloadPredictors() {
        executor.execute(BackgroundTask.of("Listing stored predictors", predictors::list),
                TaskCallbacks.<List<StoredPredictor>>of(list -> {
                    String keep = selectAfterReload != null ? selectAfterReload
                            : selectedStored.get() == null ? null : selectedStored.get().name();
                    selectAfterReload = null;
                    storedPredictors.setAll(list);
                    selectedStored.set(list.stream().filter(p -> p.name().equals(keep)).findFirst().orElse(null));
                }, e -> error.set("Cannot list the stored predictors: " + message(e))));
    }

    /** Stores the fitted predictor under {@link #saveNameProperty()} (replacing only when asked). */
    public void save() {
        error.set("");
        FitOutcome result = outcome.get();
        String name = saveName.get() == null ? "" : saveName.get().trim();
        if (result == null) {
            error.set("Nothing to save: fit a predictor first.");
            return;
        }
        if (name.isEmpty()) {
            error.set("Give the predictor a name to save it under.");
            return;
        }
        PredictorDocument doc = result.document();
        boolean replace = replaceExisting.get();
        executor.execute(BackgroundTask.of("Saving predictor " + name, () -> {
            predictors.save(new StoredPredictor(name, String.join(",", doc.platformNames()), doc.quantity(),
                    doc.schemaVersion(), doc.fingerprint(), PredictorJson.write(doc),
                    Json.MAPPER.writeValueAsString(doc.metrics()), null), replace);
            return name;
        }), TaskCallbacks.<String>of(saved -> {
            status.set("Saved the predictor as '" + saved + "'.");
            reloadPredictorsSelecting(saved);
        }, e -> error.set("Cannot save the predictor as '" + name + "': " + message(e)
                + (replace ? "" : " (tick Replace to overwrite it)"))));
    }

    private void reloadPredictorsSelecting(String name) {
        selectAfterReload = name;
        reloadPredictors();
    }

    /** Writes the fitted predictor's document to {@code file}. */
    public void exportFit(Path file) {
        error.set("");
        FitOutcome result = outcome.get();
        if (result == null) {
            error.set("Nothing to export: fit a predictor first.");
            return;
        }
        write(result.document(), file, "the fitted predictor");
    }

    /** Writes the selected stored predictor's document to {@code file}, after checking it is a valid document. */
    public void exportSelected(Path file) {
        error.set("");
        StoredPredictor chosen = selectedStored.get();
        if (chosen == null) {
            error.set("Choose a stored predictor to export.");
            return;
        }
        String name = chosen.name();
        executor.execute(BackgroundTask.of("Exporting predictor " + name, () -> {
            StoredPredictor stored = predictors.find(name).orElseThrow(() ->
                    new IllegalStateException("no stored predictor named '" + name + "' (deleted meanwhile?)"));
            PredictorDocument doc = PredictorJson.read("stored predictor '" + name + "'", stored.document());
            PredictorJson.write(doc, file);
            return file;
        }), TaskCallbacks.<Path>of(path -> status.set("Exported predictor '" + name + "' to " + path + "."),
                e -> error.set("Cannot export predictor '" + name + "' to " + file + ": " + message(e))));
    }

    private void write(PredictorDocument doc, Path file, String what) {
        executor.execute(BackgroundTask.of("Exporting " + what, () -> {
            PredictorJson.write(doc, file);
            return file;
        }), TaskCallbacks.<Path>of(path -> status.set("Exported " + what + " to " + path + "."),
                e -> error.set("Cannot export " + what + " to " + file + ": " + message(e))));
    }

    /** Deletes the selected stored predictor. */
    public void deleteSelected() {
        error.set("");
        StoredPredictor chosen = selectedStored.get();
        if (chosen == null) {
            error.set("Choose a stored predictor to delete.");
            return;
        }
        executor.execute(BackgroundTask.of("Deleting predictor " + chosen.name(), () -> predictors.delete(chosen.name())),
                TaskCallbacks.<Boolean>of(deleted -> {
                    status.set(deleted ? "Deleted predictor '" + chosen.name() + "'."
                            : "Predictor '" + chosen.name() + "' was already gone.");
                    reloadPredictors();
                }, e -> error.set("Cannot delete predictor '" + chosen.name() + "': " + message(e))));
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public ReadOnlyStringProperty profileSummaryProperty() {
        return profileSummary.getReadOnlyProperty();
    }

    public ObservableList<SelectableItem> backends() {
        return backends;
    }

    public ObservableList<SelectableItem> models() {
        return models;
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ObservableList<String> modes() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(MODES));
    }

    public StringProperty modeProperty() {
        return mode;
    }

    public ObservableList<String> evaluations() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(EVALUATIONS));
    }

    public StringProperty evaluationProperty() {
        return evaluation;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the share is unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty taskMessageProperty() {
        return taskMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canFitBinding() {
        return canFit;
    }

    public ReadOnlyObjectProperty<FitOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObservableList<String> chartPlatforms() {
        return chartPlatforms;
    }

    public StringProperty chartPlatformProperty() {
        return chartPlatform;
    }

    public ObservableList<String> features() {
        return features;
    }

    public StringProperty residualFeatureProperty() {
        return residualFeature;
    }

    public ObservableList<String> curveTypes() {
        return curveTypes;
    }

    public StringProperty curveTypeProperty() {
        return curveType;
    }

    public StringProperty curveFeatureProperty() {
        return curveFeature;
    }

    /** log10 measured vs log10 predicted ms: the ±10 % band (series 0, 1), then one series per family. */
    public ObservableList<XYChart.Series<Number, Number>> measuredVsPredicted() {
        return measuredVsPredicted;
    }

    /** Feature (log10 when {@link #residualLogXProperty()}) vs relative residual in %, one series per family. */
    public ObservableList<XYChart.Series<Number, Number>> residuals() {
        return residuals;
    }

    /** Degree vs log10 of the best CV MSE, one series per unit model. */
    public ObservableList<XYChart.Series<Number, Number>> cvMse() {
        return cvMse;
    }

    /** Feature vs log10 ms: the predicted curve (series 0) over the measured layers (series 1). */
    public ObservableList<XYChart.Series<Number, Number>> curve() {
        return curve;
    }

    public ReadOnlyBooleanProperty residualLogXProperty() {
        return residualLogX.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty curveLogXProperty() {
        return curveLogX.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty residualAxisLabelProperty() {
        return residualAxisLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty curveAxisLabelProperty() {
        return curveAxisLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chartNoteProperty() {
        return chartNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty curveNoteProperty() {
        return curveNote.getReadOnlyProperty();
    }

    public ObservableList<MetricsTableRow> metrics() {
        return metrics;
    }

    public ReadOnlyStringProperty metricsCaptionProperty() {
        return metricsCaption.getReadOnlyProperty();
    }

    public ObservableList<StoredPredictor> storedPredictors() {
        return storedPredictors;
    }

    public ObjectProperty<StoredPredictor> selectedStoredProperty() {
        return selectedStored;
    }

    public StringProperty saveNameProperty() {
        return saveName;
    }

    public BooleanProperty replaceExistingProperty() {
        return replaceExisting;
    }
}
