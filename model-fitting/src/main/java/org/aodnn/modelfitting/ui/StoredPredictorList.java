package org.aodnn.modelfitting.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.cli.Json;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;

/**
 * The predictors stored in the database and what the operator does with them: save the current fit under a
 * name, export the fit or a stored predictor to a file, delete one. Every database or file access runs on the
 * executor; the list is re-read after each change rather than patched, so it always shows what is stored.
 */
final class StoredPredictorList {

    private final TaskExecutor executor;
    private final PredictorRepository predictors;
    private final ObservableValue<FitOutcome> outcome;
    private final WorkspaceMessages messages;

    private final ObservableList<StoredPredictor> storedPredictors = FXCollections.observableArrayList();
    private final ObjectProperty<StoredPredictor> selectedStored = new SimpleObjectProperty<>(this, "selectedStored");
    private final StringProperty saveName = new SimpleStringProperty(this, "saveName", "");
    private final BooleanProperty replaceExisting = new SimpleBooleanProperty(this, "replaceExisting");
    // after a save the new predictor should be the selected one, not the one selected before
    private String selectAfterReload;

    StoredPredictorList(Store store, TaskExecutor executor, ObservableValue<FitOutcome> outcome,
            WorkspaceMessages messages) {
        this.executor = executor;
        this.predictors = new PredictorRepository(store.dsl());
        this.outcome = outcome;
        this.messages = messages;
    }

    void reloadPredictors() {
        executor.execute(BackgroundTask.of("Listing stored predictors", predictors::list),
                TaskCallbacks.<List<StoredPredictor>>of(list -> {
                    String keep = selectAfterReload != null ? selectAfterReload
                            : selectedStored.get() == null ? null : selectedStored.get().name();
                    selectAfterReload = null;
                    storedPredictors.setAll(list);
                    selectedStored.set(list.stream().filter(p -> p.name().equals(keep)).findFirst().orElse(null));
                }, e -> messages.error("Cannot list the stored predictors: " + WorkspaceMessages.describe(e))));
    }

    /** Stores the fitted predictor under the save name (replacing only when asked). */
    void save() {
        messages.error("");
        FitOutcome result = outcome.getValue();
        String name = saveName.get() == null ? "" : saveName.get().trim();
        if (result == null) {
            messages.error("Nothing to save: fit a predictor first.");
            return;
        }
        if (name.isEmpty()) {
            messages.error("Give the predictor a name to save it under.");
            return;
        }
        PredictorDocument doc = result.document();
        // read on the UI thread: the worker must save with the choice made when Save was pressed
        boolean replace = replaceExisting.get();
        executor.execute(BackgroundTask.of("Saving predictor " + name, () -> {
            predictors.save(PredictorJson.toStored(name, doc), replace);
            return name;
        }), TaskCallbacks.<String>of(saved -> {
            messages.status("Saved the predictor as '" + saved + "'.");
            reloadPredictorsSelecting(saved);
        }, e -> messages.error("Cannot save the predictor as '" + name + "': " + WorkspaceMessages.describe(e)
                + (replace ? "" : " (tick Replace to overwrite it)"))));
    }

    private void reloadPredictorsSelecting(String name) {
        selectAfterReload = name;
        reloadPredictors();
    }

    /** Writes the fitted predictor's document to {@code file}. */
    void exportFit(Path file) {
        messages.error("");
        FitOutcome result = outcome.getValue();
        if (result == null) {
            messages.error("Nothing to export: fit a predictor first.");
            return;
        }
        write(result.document(), file, "the fitted predictor");
    }

    /** Writes the selected stored predictor's document to {@code file}, after checking it is a valid document. */
    void exportSelected(Path file) {
        messages.error("");
        StoredPredictor chosen = selectedStored.get();
        if (chosen == null) {
            messages.error("Choose a stored predictor to export.");
            return;
        }
        String name = chosen.name();
        executor.execute(BackgroundTask.of("Exporting predictor " + name, () -> {
            StoredPredictor stored = predictors.find(name).orElseThrow(() ->
                    new IllegalStateException("no stored predictor named '" + name + "' (deleted meanwhile?)"));
            PredictorDocument doc = PredictorJson.read(stored);
            PredictorJson.write(doc, file);
            return file;
        }), TaskCallbacks.<Path>of(path -> messages.status("Exported predictor '" + name + "' to " + path + "."),
                e -> messages.error("Cannot export predictor '" + name + "' to " + file + ": "
                        + WorkspaceMessages.describe(e))));
    }

    private void write(PredictorDocument doc, Path file, String what) {
        executor.execute(BackgroundTask.of("Exporting " + what, () -> {
            PredictorJson.write(doc, file);
            return file;
        }), TaskCallbacks.<Path>of(path -> messages.status("Exported " + what + " to " + path + "."),
                e -> messages.error("Cannot export " + what + " to " + file + ": " + WorkspaceMessages.describe(e))));
    }

    /** Deletes the selected stored predictor. */
    void deleteSelected() {
        messages.error("");
        StoredPredictor chosen = selectedStored.get();
        if (chosen == null) {
            messages.error("Choose a stored predictor to delete.");
            return;
        }
        executor.execute(BackgroundTask.of("Deleting predictor " + chosen.name(), () -> predictors.delete(chosen.name())),
                TaskCallbacks.<Boolean>of(deleted -> {
                    messages.status(deleted ? "Deleted predictor '" + chosen.name() + "'."
                            : "Predictor '" + chosen.name() + "' was already gone.");
                    reloadPredictors();
                }, e -> messages.error("Cannot delete predictor '" + chosen.name() + "': "
                        + WorkspaceMessages.describe(e))));
    }

    ObservableList<StoredPredictor> storedPredictors() {
        return storedPredictors;
    }

    ObjectProperty<StoredPredictor> selectedStoredProperty() {
        return selectedStored;
    }

    StringProperty saveNameProperty() {
        return saveName;
    }

    BooleanProperty replaceExistingProperty() {
        return replaceExisting;
    }
}
