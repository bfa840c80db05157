package org.aodnn.profilinglab.ui;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.repo.MeasurementRepository.ProfileSummary;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/** What the lab has recorded: one line per measured profile (platform, target, backend, browser, threads). */
public final class StoredProfilesViewModel implements Activatable {

    private final Store store;
    private final TaskExecutor executor;
    private final ObservableList<ProfileSummary> profiles = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public StoredProfilesViewModel(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
    }

    @Override
    public void activate() {
        executor.execute(BackgroundTask.of("Loading measured profiles", () -> store.measurements().profiles()),
                TaskCallbacks.<List<ProfileSummary>>of(list -> {
                    profiles.setAll(list);
                    int rows = list.stream().mapToInt(ProfileSummary::rows).sum();
                    status.set(rows + " layer measurements in " + list.size() + " profiles");
                }, error -> status.set("Cannot load the measurements: " + error.getMessage())));
    }

    @Override
    public void deactivate() {
        // Loads are one-shot; nothing to switch off.
    }

    public ObservableList<ProfileSummary> profiles() {
        return profiles;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
