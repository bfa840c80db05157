package org.aodnn.app.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State of the main window: which workspace is shown (only that one is active: its listeners and
 * loads run while it is visible), where the database is, and what runs in the background.
 */
public final class MainWindowViewModel {

    private final List<Workspace> workspaces;
    private final ObjectProperty<Workspace> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper databaseLocation;
    private final ObservableList<Task<?>> tasks;
    private final StringBinding taskSummary;

    public MainWindowViewModel(String databaseLocation, List<Workspace> workspaces, ObservableList<Task<?>> tasks) {
        this.workspaces = List.copyOf(workspaces);
        this.databaseLocation = new ReadOnlyStringWrapper("Database: " + databaseLocation);
        this.tasks = tasks;
        this.taskSummary = Bindings.createStringBinding(() -> switch (tasks.size()) {
            case 0 -> "No background tasks";
            case 1 -> tasks.get(0).getTitle();
            default -> tasks.size() + " background tasks";
        }, tasks);
        selected.addListener((obs, previous, next) -> {
            if (previous != null) {
                previous.model().deactivate();
            }
            if (next != null) {
                next.model().activate();
            }
        });
    }

    public List<Workspace> workspaces() {
        return workspaces;
    }

    public ObjectProperty<Workspace> selectedProperty() {
        return selected;
    }

    public void select(String title) {
        selected.set(workspaces.stream().filter(w -> w.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workspace " + title)));
    }

    public ReadOnlyStringProperty databaseLocationProperty() {
        return databaseLocation.getReadOnlyProperty();
    }

    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    public StringBinding taskSummaryProperty() {
        return taskSummary;
    }

    /** Cancels every running task (used when the window closes). */
    public void cancelAll() {
        List.copyOf(tasks).forEach(Task::cancel);
    }

    /** Deactivates the shown workspace, so nothing polls after the window is gone. */
    public void shutdown() {
        cancelAll();
        selected.set(null);
    }
}
