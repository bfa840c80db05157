package org.aodnn.profilinglab.ui;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * The profiling sessions stored in the database, newest first, and the one the operator selected to look at.
 * Reloading replaces the list with fresh records (their status and row counts change as sessions end), so the
 * selection is moved to the fresh record of the same session.
 */
final class StoredSessionList {

    private final Store store;
    private final TaskExecutor executor;
    private final LabMessages messages;
    private final ObservableBooleanValue sessionRunning;

    private final ObservableList<ProfilingSessionInfo> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<ProfilingSessionInfo> selectedSession = new SimpleObjectProperty<>();

    StoredSessionList(Store store, TaskExecutor executor, LabMessages messages, ObservableBooleanValue sessionRunning) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.sessionRunning = sessionRunning;
    }

    /** Reloads the stored sessions, newest first, keeping the selection where the session still exists. */
    void reload() {
        executor.execute(BackgroundTask.of("Loading profiling sessions",
                        () -> new ProfilingSessionRepository(store.dsl()).list()),
                TaskCallbacks.<List<ProfilingSessionInfo>>of(list -> {
                    ProfilingSessionInfo selected = selectedSession.get();
                    sessions.setAll(list);
                    if (selected != null) {
                        list.stream().filter(s -> s.id() == selected.id()).findFirst().ifPresent(s -> {
                            // re-selecting would show the stored rows in place of the running session's live ones
                            if (!sessionRunning.get()) {
                                selectedSession.set(s);
                            }
                        });
                    }
                }, error -> messages.error("Cannot load the profiling sessions: " + error.getMessage())));
    }

    ObservableList<ProfilingSessionInfo> sessions() {
        return sessions;
    }

    ObjectProperty<ProfilingSessionInfo> selectedSessionProperty() {
        return selectedSession;
    }
}
