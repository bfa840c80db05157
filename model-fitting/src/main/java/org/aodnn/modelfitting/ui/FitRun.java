package org.aodnn.modelfitting.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.FitTask;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * One fit of the selected rows at a time: how to fit (mode, evaluation, browser calibration), the running task
 * with its progress and cancel, and the outcome it leaves. What to show for an outcome is the caller's business, handed in as
 * {@code onFitted}, so this class knows nothing of charts or saving.
 */
final class FitRun {

    private final TaskExecutor executor;
    private final PredictorRepository predictors;
    private final FitDataSelection selection;
    private final WorkspaceMessages messages;
    private final Consumer<FitOutcome> onFitted;

    private final StringProperty mode = new SimpleStringProperty(this, "mode", "log");
    private final StringProperty evaluation = new SimpleStringProperty(this, "evaluation", Evaluations.IN_SAMPLE);
    private final ObservableList<CalibrationBase> calibrationBases =
            FXCollections.observableArrayList(List.of(CalibrationBase.NONE));
    private final ObjectProperty<CalibrationBase> calibrationBase =
            new SimpleObjectProperty<>(this, "calibrationBase", CalibrationBase.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyStringWrapper taskMessage = new ReadOnlyStringWrapper(this, "taskMessage", "");
    private final ReadOnlyObjectWrapper<FitOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final BooleanBinding canFit;
    private final ReadOnlyStringWrapper staleNote = new ReadOnlyStringWrapper(this, "staleNote", "");
    // what the outcome shown was fitted on, to say when the selection has moved on from it
    private SelectionKey fittedKey;
    private String fittedHow;
    private int fittedRows;
    // the task whose progress and end still count; a finished or superseded task's late updates are ignored
    private FitTask fitTask;
    // the devices the running (or last) fit trains on, taken when it starts: the selection may reload meanwhile
    private List<String> fittedDevices = List.of();

    FitRun(Store store, TaskExecutor executor, FitDataSelection selection, WorkspaceMessages messages,
           Consumer<FitOutcome> onFitted) {
        this.executor = executor;
        this.predictors = new PredictorRepository(store.dsl());
        this.selection = selection;
        this.messages = messages;
        this.onFitted = onFitted;
        // calibration maps latencies (Eq. 2-3): choosing energy drops the base rather than leaving a choice
        // the disabled box no longer lets the operator change
        selection.quantityProperty().addListener((obs, old, now) -> {
            if (now != Quantity.LATENCY) {
                calibrationBase.set(CalibrationBase.NONE);
            }
        });
        canFit = Bindings.createBooleanBinding(() -> !running.get() && !selection.loadingProperty().get()
                        && selection.hasRows()
                        && selection.backends().stream().anyMatch(SelectableItem::isSelected)
                        && selection.models().stream().anyMatch(SelectableItem::isSelected),
                running, selection.loadingProperty(), selection.backends(), selection.models(),
                selection.quantityProperty());
        selection.keyProperty().addListener(o -> updateStaleNote());
        outcome.addListener(o -> updateStaleNote());
        mode.addListener(o -> updateStaleNote());
        evaluation.addListener(o -> updateStaleNote());
        calibrationBase.addListener(o -> updateStaleNote());
    }

    /**
     * The charts, metrics and Save show the last fit; once the ticks change they no longer show the selection,
     * which an operator would otherwise take them for: say so until the next fit.
     */
    private void updateStaleNote() {
        boolean stale = outcome.get() != null && fittedKey != null && (!fittedKey.equals(selection.keyProperty().get())
                || !fittedHow.equals(how()));
        staleNote.set(!stale ? "" : String.format(Locale.ROOT, "The charts, metrics and Save are of the last fit (%d %s"
                        + " rows of %s); the selection or how to fit has changed since: Fit again to see it.", fittedRows,
                fittedKey.quantity() == null ? "" : fittedKey.quantity().cliName(), String.join(", ", fittedKey.devices())));
    }

    /** How a fit is made (mode, evaluation, calibration base): a change makes the results shown another fit's. */
    private String how() {
        return mode.get() + "|" + evaluation.get() + "|" + calibrationBase.get();
    }

    /** Starts a fit of the selection as a background task; explains in the error line what is missing. */
    void fit() {
        messages.error("");
        if (running.get()) {
            messages.error("A fit is already running: wait for it or cancel it.");
            return;
        }
        if (selection.loadingProperty().get()) {
            messages.error("The measurements are still loading.");
            return;
        }
        Quantity quantity = selection.quantityProperty().get();
        if (!selection.hasAnyRows()) {
            messages.error("No measurements to fit: tick a device with stored measurements.");
            return;
        }
        if (!selection.hasRows()) {
            messages.error("The ticked devices (" + String.join(", ", selection.loadedDevices()) + ") have no "
                    + quantity.id() + " measurements: energy is measured on phones that report their battery's power.");
            return;
        }
        if (selection.tickedBackends().isEmpty()) {
            messages.error("Choose at least one backend to fit.");
            return;
        }
        Set<String> chosenModels = selection.tickedModels();
        if (chosenModels.isEmpty()) {
            messages.error("Choose at least one model to fit.");
            return;
        }
        boolean lomo = Evaluations.LEAVE_ONE_MODEL_OUT.equals(evaluation.get());
        if (lomo && chosenModels.size() < 2) {
            messages.error("Leave-one-model-out needs at least two models (one is held out, the others train).");
            return;
        }
        FitOptions options;
        try {
            options = FitOptions.mode(mode.get() == null ? "log" : mode.get());
        } catch (IllegalArgumentException e) {
            messages.error(e.getMessage());
            return;
        }
        CalibrationBase base = calibrationBase.get() == null ? CalibrationBase.NONE : calibrationBase.get();
        Map<String, String> targets = new TreeMap<>();
        if (!base.isNone()) {
            if (quantity != Quantity.LATENCY) {
                messages.error("Browser calibration (Eq. 2-3) maps latencies; choose latency, or fit directly.");
                return;
            }
            selection.tickedBackends().stream().filter(CalibrationBase::isBrowser)
                    .forEach(b -> targets.put(b, base.platform()));
            if (targets.isEmpty()) {
                messages.error("Calibration applies to browser backends (browser/...), and none is ticked:"
                        + " tick one, or choose 'none' to fit directly.");
                return;
            }
        }
        List<LayerSample> rows = selection.selectedRows();
        fittedDevices = selection.loadedDevices();
        SelectionKey key = selection.keyProperty().get();
        String how = how();
        // the base predictor is read on the worker, when the fit starts
        FitTask task = new FitTask(rows, options, quantity, targets, () -> base.isNone() ? null : readBase(base), lomo);
        fitTask = task;
        running.set(true);
        progress.set(0);
        taskMessage.set("starting");
        messages.status(task.title() + "…");
        ProgressListener listener = new CoalescedProgress(executor, (share, text) -> {
            if (fitTask == task) {
                progress.set(share);
                taskMessage.set(text);
            }
        });
        executor.execute(task, TaskCallbacks.<FitOutcome>of(result -> {
            finished(task);
            progress.set(1);
            fittedKey = key;
            fittedHow = how;
            fittedRows = rows.size();
            outcome.set(result);
            updateStaleNote(); // the same outcome object may be set again
            onFitted.accept(result);
            messages.status(String.format(Locale.ROOT, "Fitted a %s %s predictor on %d rows (%s): platforms %s%s.",
                    result.document().mode(), quantity.cliName(), rows.size(), lomo ? "evaluated leave-one-model-out" : "evaluated in sample",
                    String.join(", ", result.document().platformNames()),
                    targets.isEmpty() ? "" : "; " + String.join(", ", targets.keySet()) + " calibrated on "
                            + base.describe()));
        }, e -> {
            finished(task);
            progress.set(0);
            messages.error("The fit failed: " + WorkspaceMessages.describe(e));
            messages.status("");
        }).withCancelled(() -> {
            finished(task);
            progress.set(0);
            messages.status("The fit was cancelled; nothing was changed.");
        }).withProgress(listener));
    }

    private PredictorDocument readBase(CalibrationBase base) {
        StoredPredictor stored = predictors.find(base.predictor()).orElseThrow(() -> new IllegalStateException(
                "the base predictor '" + base.predictor() + "' is no longer stored"));
        return PredictorJson.read(stored);
    }

    /** Offers the platforms of these stored predictors as calibration bases; keeps the choice while it is offered. */
    void offerBases(List<StoredPredictor> stored) {
        CalibrationBase keep = calibrationBase.get();
        List<CalibrationBase> offered = CalibrationBase.offeredBy(stored);
        calibrationBases.setAll(offered);
        calibrationBase.set(offered.contains(keep) ? keep : CalibrationBase.NONE);
    }

    private void finished(FitTask task) {
        if (fitTask == task) {
            fitTask = null;
        }
        running.set(false);
        taskMessage.set("");
    }

    /** Asks the running fit to stop at its next check. */
    void cancel() {
        FitTask task = fitTask;
        if (task != null) {
            task.cancel();
            taskMessage.set("cancelling…");
        }
    }

    /** The devices of the fit that ran last, as ticked when it started. */
    List<String> fittedDevices() {
        return fittedDevices;
    }

    StringProperty modeProperty() {
        return mode;
    }

    StringProperty evaluationProperty() {
        return evaluation;
    }

    ObservableList<CalibrationBase> calibrationBases() {
        return calibrationBases;
    }

    ObjectProperty<CalibrationBase> calibrationBaseProperty() {
        return calibrationBase;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the share is unknown (an indeterminate bar). */
    ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    ReadOnlyStringProperty taskMessageProperty() {
        return taskMessage.getReadOnlyProperty();
    }

    /** Empty while the results shown are of the current selection, else a sentence saying they are not. */
    ReadOnlyStringProperty staleNoteProperty() {
        return staleNote.getReadOnlyProperty();
    }

    BooleanBinding canFitBinding() {
        return canFit;
    }

    ReadOnlyObjectProperty<FitOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
