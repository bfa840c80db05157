package org.aodnn.profilinglab.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * The rows the result table and the latency chart show, with a title saying whose they are: the running
 * session's rows as they arrive, or the stored rows of the session selected in the session list. The live rows
 * win: while a session runs, a selection does not replace them, and a load that finishes after the operator
 * moved on is dropped.
 */
final class ShownResults {

    private final Store store;
    private final TaskExecutor executor;
    private final LabMessages messages;
    private final SessionProgress progress;
    private final ReadOnlyObjectProperty<ProfilingSessionInfo> selectedSession;

    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper resultsTitle = new ReadOnlyStringWrapper("No session yet");

    ShownResults(Store store, TaskExecutor executor, LabMessages messages, SessionProgress progress,
                 ReadOnlyObjectProperty<ProfilingSessionInfo> selectedSession) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.progress = progress;
        this.selectedSession = selectedSession;
        selectedSession.addListener((obs, old, now) -> {
            if (now != null && !progress.runningProperty().get()) {
                showStoredSession(now);
            }
        });
    }

    /** A session is starting on {@code targetName}: the table empties and waits for its rows. */
    void startLive(String targetName) {
        results.clear();
        resultsTitle.set("Running on " + targetName);
    }

    void liveSessionStored(long sessionId) {
        resultsTitle.set("Session " + sessionId + " (running)");
    }

    void liveRow(ResultRow row) {
        results.add(row);
    }

    /**
     * The live session ended ({@code sessionId} null when it was never stored). Its rows are then reloaded as
     * stored, since phone runs add the energy after the last row arrived.
     */
    void liveEnded(Long sessionId) {
        resultsTitle.set((sessionId == null ? "Last session" : "Session " + sessionId) + ": " + results.size()
                + " layer rows");
        if (sessionId != null) {
            showStoredRows(sessionId, "Session " + sessionId);
        }
    }

    /** How many rows are shown: during and right after a session, how many it measured. */
    int rowCount() {
        return results.size();
    }

    private void showStoredSession(ProfilingSessionInfo info) {
        showStoredRows(info.id(), "Session " + info.id() + " (" + info.status().dbValue() + ", " + info.target() + ")"
                + SessionRows.replacedNote(info));
    }

    private void showStoredRows(long id, String title) {
        executor.execute(BackgroundTask.of("Loading the rows of session " + id,
                        () -> store.measurements().findBySession(id)),
                TaskCallbacks.<List<LayerMeasurement>>of(rows -> {
                    ProfilingSessionInfo selected = selectedSession.get();
                    boolean stillWanted = selected == null ? Long.valueOf(id).equals(progress.runningSessionIdProperty().get())
                            : selected.id() == id;
                    if (progress.runningProperty().get() || !stillWanted) {
                        return; // the operator moved on meanwhile
                    }
                    results.setAll(rows.stream().map(ResultRow::of).toList());
                    resultsTitle.set(title + ": " + rows.size() + " layer rows");
                }, error -> messages.error("Cannot load the rows of session " + id + ": " + error.getMessage())));
    }

    ObservableList<ResultRow> results() {
        return results;
    }

    ReadOnlyStringProperty resultsTitleProperty() {
        return resultsTitle.getReadOnlyProperty();
    }
}
