package org.aodnn.profilinglab.ui;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.domain.SessionOwner;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.repo.SessionOwnerRepository;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * The profiling sessions stored in the database, newest first, and the one the operator selected to look at.
 * Reloading replaces the list with fresh records (their status and row counts change as sessions end), so the
 * selection is moved to the fresh record of the same session. A running session names the process running it
 * when that is not this window (a CLI {@code aodnn profile}, another computer on the same database).
 */
final class StoredSessionList {

    private final Store store;
    private final TaskExecutor executor;
    private final LabMessages messages;
    private final ObservableBooleanValue sessionRunning;

    private final ObservableList<ProfilingSessionInfo> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<ProfilingSessionInfo> selectedSession = new SimpleObjectProperty<>();
    private Map<Long, SessionOwner> owners = Map.of();
    private String here = "";

    StoredSessionList(Store store, TaskExecutor executor, LabMessages messages, ObservableBooleanValue sessionRunning) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.sessionRunning = sessionRunning;
    }

    /** What a load brings: the sessions, the owners of the running ones and this computer's name. */
    private record Loaded(List<ProfilingSessionInfo> sessions, Map<Long, SessionOwner> owners, String here) {
    }

    /** Reloads the stored sessions, newest first, keeping the selection where the session still exists. */
    void reload() {
        load(false);
    }

    /**
     * The lab starts: sessions left running by a console process of this computer that died (crash, kill -9) are
     * marked interrupted, then the list is loaded. Sessions of live processes and of other computers stay.
     */
    void markAbandonedAndReload() {
        load(true);
    }

    private void load(boolean markAbandoned) {
        executor.execute(BackgroundTask.of("Loading profiling sessions", () -> {
                    String host = SessionOwner.thisHost();
                    SessionOwnerRepository ownerRepo = new SessionOwnerRepository(store.dsl());
                    if (markAbandoned) {
                        ownerRepo.interruptAbandoned(host);
                    }
                    return new Loaded(new ProfilingSessionRepository(store.dsl()).list(), ownerRepo.runningOwners(), host);
                }),
                TaskCallbacks.<Loaded>of(loaded -> {
                    ProfilingSessionInfo selected = selectedSession.get();
                    owners = loaded.owners();
                    here = loaded.here();
                    sessions.setAll(loaded.sessions());
                    if (selected != null) {
                        loaded.sessions().stream().filter(s -> s.id() == selected.id()).findFirst().ifPresent(s -> {
                            // re-selecting would show the stored rows in place of the running session's live ones
                            if (!sessionRunning.get()) {
                                selectedSession.set(s);
                            }
                        });
                    }
                }, error -> messages.error("Cannot load the profiling sessions: " + error.getMessage())));
    }

    /**
     * The session's status in words: a running one says where it runs unless in this process, since only this
     * computer's processes can be checked for being alive (another computer's session stays running here).
     */
    String status(ProfilingSessionInfo s) {
        SessionOwner owner = owners.get(s.id());
        if (s.status() != ProfilingStatus.RUNNING || owner == null || owner.pid() == ProcessHandle.current().pid()
                && owner.host().equals(here)) {
            return s.status().dbValue();
        }
        return owner.host().equals(here) ? "running (pid " + owner.pid() + ")"
                : "running on " + owner.host() + " (pid " + owner.pid() + ", not checked from here)";
    }

    ObservableList<ProfilingSessionInfo> sessions() {
        return sessions;
    }

    ObjectProperty<ProfilingSessionInfo> selectedSessionProperty() {
        return selectedSession;
    }
}
