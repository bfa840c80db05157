package org.aodnn.profilinglab.ui;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.session.SessionOutcome;
import org.slf4j.LoggerFactory;

/**
 * The Profiling Lab workspace's state, as the one object the {@link ProfilingLabView} binds to. The work is done
 * by parts with one concern each: {@link ProfilingChoice} (what to profile, on which target),
 * {@link SessionRun} (starting, cancelling and ending a session) with {@link SessionProgress} (what is watched of
 * it), {@link ShownResults} (the rows in the table and chart), {@link StoredSessionList} (the stored sessions),
 * plus the phones, their controls and the stored profiles; they share one message line ({@link LabMessages}).
 * All work runs through the {@link TaskExecutor}; every property here changes on the UI thread.
 */
public final class ProfilingLabViewModel implements Activatable {

    private final LabMessages messages = new LabMessages();
    private final SessionProgress progress = new SessionProgress();
    private final ProfilingChoice choice;
    private final PhonesViewModel phones;
    private final PhoneControlsViewModel phoneControls;
    private final StoredProfilesViewModel storedProfiles;
    private final StoredSessionList sessions;
    private final ShownResults shown;
    private final SessionRun run;

    /** The app's constructor: local Chromium at its Debian path, phones from the adb server of the environment. */
    public ProfilingLabViewModel(Store store, TaskExecutor executor) {
        this(store, executor, null, adbFromEnvironment());
    }

    /** The adb server of {@code ANDROID_ADB_SERVER_PORT}/{@code _ADDRESS}; null (phones not watched) when they are malformed. */
    private static AdbServerAddress adbFromEnvironment() {
        try {
            return AdbServerAddress.fromEnvironment();
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(ProfilingLabViewModel.class).warn("Phones are not watched: {}", e.getMessage());
            return null;
        }
    }

    /**
     * {@code chromium} null for {@code /usr/bin/chromium}; {@code adb} null to not watch phones (only the local
     * target is offered then).
     */
    public ProfilingLabViewModel(Store store, TaskExecutor executor, Path chromium, AdbServerAddress adb) {
        choice = new ProfilingChoice(store, executor, messages, chromium, adb);
        phones = new PhonesViewModel(adb, executor);
        storedProfiles = new StoredProfilesViewModel(store, executor);
        // a phone being profiled is locked in its controls: its session sets and restores the clocks itself
        phoneControls = new PhoneControlsViewModel(store, executor, adb, phones,
                Bindings.when(progress.runningProperty()).then(choice.selectedTargetProperty()).otherwise((String) null));
        sessions = new StoredSessionList(store, executor, messages, progress.runningProperty());
        shown = new ShownResults(store, executor, messages, progress, sessions.selectedSessionProperty());
        run = new SessionRun(store, executor, choice, progress, shown, sessions, storedProfiles, messages);
        phones.devices().addListener((ListChangeListener<DeviceRow>) c ->
                choice.offerPhones(phones.devices(), phones.listingProperty().get()));
        phones.listingProperty().addListener((obs, old, now) -> choice.offerPhones(phones.devices(), now));
    }

    @Override
    public void activate() {
        phones.activate();
        storedProfiles.activate();
        choice.loadCatalog();
        sessions.markAbandonedAndReload();
    }

    @Override
    public void deactivate() {
        // A running session goes on (it is in the task area with its cancel); only the phone polling stops.
        phones.deactivate();
        storedProfiles.deactivate();
    }

    /** Reloads the stored sessions, newest first, keeping the selection where the session still exists. */
    public void reloadSessions() {
        sessions.reload();
    }

    /**
     * Starts a session with what is chosen. The choice is read here, checked against the catalog in the
     * background (a query), and problems with it are shown as the message without storing anything.
     */
    public void start() {
        run.start();
    }

    /** Asks the running session to stop; the rows measured so far are kept. */
    public void cancel() {
        run.cancel();
    }

    // --- properties for the view ---

    public ObservableList<String> targets() {
        return choice.targets();
    }

    public StringProperty selectedTargetProperty() {
        return choice.selectedTargetProperty();
    }

    /** How the target list shows {@code target}: its name, marked "(disconnected)" when it cannot be used now. */
    public String targetLabel(String target) {
        return choice.targetLabel(target);
    }

    /** Why no session can start on the chosen target now (Start is disabled); "" when it can. */
    public ReadOnlyStringProperty targetProblemProperty() {
        return choice.targetProblemProperty();
    }

    public ObservableList<String> modelNames() {
        return choice.modelNames();
    }

    /** The models to profile, in the order chosen. */
    public ObservableList<String> selectedModels() {
        return choice.selectedModels();
    }

    public BooleanProperty cpuProperty() {
        return choice.cpuProperty();
    }

    public BooleanProperty wasmProperty() {
        return choice.wasmProperty();
    }

    public BooleanProperty webglProperty() {
        return choice.webglProperty();
    }

    public IntegerProperty warmupRunsProperty() {
        return choice.warmupRunsProperty();
    }

    public IntegerProperty timedRunsProperty() {
        return choice.timedRunsProperty();
    }

    public DoubleProperty minTimeMsProperty() {
        return choice.minTimeMsProperty();
    }

    /** Layers of each chosen model, like {@code 0-10,15,20-}; empty for all. */
    public StringProperty layerRangeProperty() {
        return choice.layerRangeProperty();
    }

    public BooleanBinding canStartProperty() {
        return run.canStartBinding();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    /** Fraction of planned layer results done, -1 while the browser starts. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.progressProperty();
    }

    public ReadOnlyIntegerProperty layersDoneProperty() {
        return progress.layersDoneProperty();
    }

    public ReadOnlyIntegerProperty layersPlannedProperty() {
        return progress.layersPlannedProperty();
    }

    public ReadOnlyIntegerProperty layersSkippedProperty() {
        return progress.layersSkippedProperty();
    }

    /** The session's own words: layers done, ETA, the last layer. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progress.progressTextProperty();
    }

    /** The browser of the running session, once its page reported it. */
    public ReadOnlyStringProperty environmentProperty() {
        return progress.environmentProperty();
    }

    public ReadOnlyObjectProperty<Long> runningSessionIdProperty() {
        return progress.runningSessionIdProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return messages.messageProperty();
    }

    /** The whole message, with any browser output that came with it. */
    public ReadOnlyStringProperty messageDetailProperty() {
        return messages.messageDetailProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messages.messageIsErrorProperty();
    }

    /** How the last session run here ended (null before one ended normally). */
    public ReadOnlyObjectProperty<SessionOutcome> lastOutcomeProperty() {
        return progress.lastOutcomeProperty();
    }

    public ObservableList<ResultRow> results() {
        return shown.results();
    }

    public ReadOnlyStringProperty resultsTitleProperty() {
        return shown.resultsTitleProperty();
    }

    public ObservableList<ProfilingSessionInfo> sessions() {
        return sessions.sessions();
    }

    /** A stored session's status in words (a running one names the process running it when not this one). */
    public String sessionStatus(ProfilingSessionInfo session) {
        return sessions.status(session);
    }

    public ObjectProperty<ProfilingSessionInfo> selectedSessionProperty() {
        return sessions.selectedSessionProperty();
    }

    public PhonesViewModel phones() {
        return phones;
    }

    /** The controls of the phone selected in the Phones tab. */
    public PhoneControlsViewModel phoneControls() {
        return phoneControls;
    }

    public StoredProfilesViewModel storedProfiles() {
        return storedProfiles;
    }
}
