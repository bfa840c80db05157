package org.aodnn.modelfitting.ui;

import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/** What is stored for the Model fitting workspace, as one line per kind of record with its count. */
public final class ModelFittingSummaryViewModel implements Activatable {

    private static final List<Map.Entry<String, String>> TABLES = List.of(
            Map.entry("predictor", "stored predictors"),
            Map.entry("layer_measurement", "layer measurements available for training"));

    private final Store store;
    private final TaskExecutor executor;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public ModelFittingSummaryViewModel(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
    }

    @Override
    public void activate() {
        executor.execute(BackgroundTask.of("Counting stored records", store::tableRowCounts),
                TaskCallbacks.<Map<String, Integer>>of(counts -> {
                    lines.setAll(TABLES.stream()
                            .map(t -> counts.getOrDefault(t.getKey(), 0) + " " + t.getValue()).toList());
                    status.set("Stored in " + store.file());
                }, error -> status.set("Cannot read the database: " + error.getMessage())));
    }

    @Override
    public void deactivate() {
        // One-shot load; nothing to switch off.
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
