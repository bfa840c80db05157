package org.aodnn.modelfitting.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.FitTask;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * One fit of the selected rows at a time: how to fit (mode, evaluation), the running task with its progress
 * and cancel, and the outcome it leaves. What to show for an outcome is the caller's business, handed in as
 * {@code onFitted}, so this class knows nothing of charts or saving.
 */
final class FitRun {

    private final TaskExecutor executor;
    private final FitDataSelection selection;
    private final WorkspaceMessages messages;
    private final Consumer<FitOutcome> onFitted;

    private final StringProperty mode = new SimpleStringProperty(this, "mode", "log");
    private final StringProperty evaluation = new SimpleStringProperty(this, "evaluation", Evaluations.IN_SAMPLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyStringWrapper taskMessage = new ReadOnlyStringWrapper(this, "taskMessage", "");
    private final ReadOnlyObjectWrapper<FitOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final BooleanBinding canFit;
    // the task whose progress and end still count; a finished or superseded task's late updates are ignored
    private FitTask fitTask;

    FitRun(TaskExecutor executor, FitDataSelection selection, WorkspaceMessages messages, Consumer<FitOutcome> onFitted) {
        this.executor = executor;
        this.selection = selection;
        this.messages = messages;
        this.onFitted = onFitted;
        canFit = Bindings.createBooleanBinding(() -> !running.get() && !selection.loadingProperty().get()
                        && selection.hasRows()
                        && selection.backends().stream().anyMatch(SelectableItem::isSelected)
                        && selection.models().stream().anyMatch(SelectableItem::isSelected),
                running, selection.loadingProperty(), selection.backends(), selection.models());
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
        if (!selection.hasRows()) {
            messages.error("No measurements to fit: choose a profile with stored measurements.");
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
        List<LayerSample> rows = selection.selectedRows();
        FitTask task = new FitTask(rows, options, Map.of(), lomo);
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
            outcome.set(result);
            onFitted.accept(result);
            messages.status(String.format(Locale.ROOT, "Fitted a %s predictor on %d rows (%s): platforms %s.",
                    result.document().mode(), rows.size(), lomo ? "evaluated leave-one-model-out" : "evaluated in sample",
                    String.join(", ", result.document().platformNames())));
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

    StringProperty modeProperty() {
        return mode;
    }

    StringProperty evaluationProperty() {
        return evaluation;
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

    BooleanBinding canFitBinding() {
        return canFit;
    }

    ReadOnlyObjectProperty<FitOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
