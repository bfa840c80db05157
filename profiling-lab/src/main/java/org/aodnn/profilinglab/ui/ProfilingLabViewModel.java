package org.aodnn.profilinglab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.run.PhoneEnergyRun;
import org.aodnn.profilinglab.adb.run.PhoneRunOptions;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.job.LayerSelection;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingJob;
import org.aodnn.profilinglab.job.ProfilingSettings;
import org.aodnn.profilinglab.protocol.HelloMessage;
import org.aodnn.profilinglab.session.LayerSkip;
import org.aodnn.profilinglab.session.ProfilingListener;
import org.aodnn.profilinglab.session.ProfilingRequest;
import org.aodnn.profilinglab.session.ProfilingSessionTask;
import org.aodnn.profilinglab.session.SessionOutcome;
import org.aodnn.profilinglab.target.LocalChromiumTarget;
import org.aodnn.profilinglab.target.ProfilingTarget;
import org.aodnn.profilinglab.target.ProfilingTargets;
import org.aodnn.profilinglab.target.TargetUnavailableException;
import org.slf4j.LoggerFactory;

/**
 * The Profiling Lab workspace without controls: what to profile (target, models, backends, runs, layer range),
 * the running session (progress, ETA, rows as they arrive), the stored sessions and the stored measured
 * profiles. All work runs through the {@link TaskExecutor}; the session's listener calls arrive on its thread
 * and are moved to the UI thread before they touch any property.
 */
public final class ProfilingLabViewModel implements Activatable {

    private static final int MESSAGE_CHARS = 400;

    private final Store store;
    private final TaskExecutor executor;
    private final Path chromium;
    private final PhonesViewModel phones;
    private final PhoneControlsViewModel phoneControls;
    private final StoredProfilesViewModel storedProfiles;

    // what to profile
    private final ObservableList<String> targets = FXCollections.observableArrayList(LocalChromiumTarget.NAME);
    private final StringProperty selectedTarget = new SimpleStringProperty(LocalChromiumTarget.NAME);
    private final ObservableList<String> modelNames = FXCollections.observableArrayList();
    private final ObservableList<String> selectedModels = FXCollections.observableArrayList();
    private final BooleanProperty cpu = new SimpleBooleanProperty(true);
    private final BooleanProperty wasm = new SimpleBooleanProperty(false);
    private final BooleanProperty webgl = new SimpleBooleanProperty(false);
    private final IntegerProperty warmupRuns = new SimpleIntegerProperty(2);
    private final IntegerProperty timedRuns = new SimpleIntegerProperty(3);
    private final DoubleProperty minTimeMs = new SimpleDoubleProperty(60);
    private final StringProperty layerRange = new SimpleStringProperty("");

    // the running session
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper layersDone = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper layersPlanned = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper layersSkipped = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper environment = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Long> runningSessionId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SessionOutcome> lastOutcome = new ReadOnlyObjectWrapper<>();
    private BackgroundTask<SessionOutcome> task;
    private final AdbServerAddress adb;

    // what is shown: the live session's rows, or those of the selected stored session
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper resultsTitle = new ReadOnlyStringWrapper("No session yet");
    private final ObservableList<ProfilingSessionInfo> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<ProfilingSessionInfo> selectedSession = new SimpleObjectProperty<>();

    private final BooleanBinding canStart;

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
        this.store = store;
        this.executor = executor;
        this.chromium = chromium;
        this.adb = adb;
        this.phones = new PhonesViewModel(adb, executor);
        this.storedProfiles = new StoredProfilesViewModel(store, executor);
        this.phoneControls = new PhoneControlsViewModel(store, executor, adb, phones,
                Bindings.when(running).then(selectedTarget).otherwise((String) null));
        canStart = running.not().and(Bindings.isNotEmpty(selectedModels)).and(cpu.or(wasm).or(webgl))
                .and(selectedTarget.isNotEmpty());
        phones.devices().addListener((ListChangeListener<DeviceRow>) c -> refreshTargets());
        selectedSession.addListener((obs, old, now) -> {
            if (now != null && !running.get()) {
                showStoredSession(now);
            }
        });
    }

    @Override
    public void activate() {
        phones.activate();
        storedProfiles.activate();
        executor.execute(BackgroundTask.of("Loading the model catalog", () -> store.models().names()),
                TaskCallbacks.<List<String>>of(names -> {
                    List<String> keep = selectedModels.stream().filter(names::contains).toList();
                    modelNames.setAll(names);
                    selectedModels.setAll(keep);
                }, error -> error("Cannot load the model catalog: " + error.getMessage())));
        reloadSessions();
    }

    @Override
    public void deactivate() {
        // A running session goes on (it is in the task area with its cancel); only the phone polling stops.
        phones.deactivate();
        storedProfiles.deactivate();
    }

    /** Reloads the stored sessions, newest first, keeping the selection where the session still exists. */
    public void reloadSessions() {
        executor.execute(BackgroundTask.of("Loading profiling sessions",
                        () -> new ProfilingSessionRepository(store.dsl()).list()),
                TaskCallbacks.<List<ProfilingSessionInfo>>of(list -> {
                    ProfilingSessionInfo selected = selectedSession.get();
                    sessions.setAll(list);
                    if (selected != null) {
                        list.stream().filter(s -> s.id() == selected.id()).findFirst().ifPresent(s -> {
                            if (!running.get()) {
                                selectedSession.set(s);
                            }
                        });
                    }
                }, error -> error("Cannot load the profiling sessions: " + error.getMessage())));
    }

    private void showStoredSession(ProfilingSessionInfo info) {
        showStoredRows(info.id(), "Session " + info.id() + " (" + info.status().dbValue() + ", " + info.target() + ")");
    }

    private void showStoredRows(long id, String title) {
        executor.execute(BackgroundTask.of("Loading the rows of session " + id,
                        () -> store.measurements().findBySession(id)),
                TaskCallbacks.<List<LayerMeasurement>>of(rows -> {
                    ProfilingSessionInfo selected = selectedSession.get();
                    boolean stillWanted = selected == null ? Long.valueOf(id).equals(runningSessionId.get())
                            : selected.id() == id;
                    if (running.get() || !stillWanted) {
                        return; // the operator moved on meanwhile
                    }
                    results.setAll(rows.stream().map(ResultRow::of).toList());
                    resultsTitle.set(title + ": " + rows.size() + " layer rows");
                }, error -> error("Cannot load the rows of session " + id + ": " + error.getMessage())));
    }

    /**
     * Starts a session with what is chosen. The choice is read here, checked against the catalog in the
     * background (a query), and problems with it are shown as the message without storing anything.
     */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        running.set(true); // no second start while the choice is checked
        ProfilingSettings settings;
        LayerSelection layers;
        try {
            settings = ProfilingSettings.defaults(chosenBackends()).withRuns(warmupRuns.get(), timedRuns.get())
                    .withMinTimeMs(minTimeMs.get());
            layers = LayerSelection.parse(layerRange.get());
        } catch (IllegalArgumentException e) {
            running.set(false);
            error(e.getMessage());
            return;
        }
        List<String> models = List.copyOf(selectedModels);
        String targetName = selectedTarget.get();
        executor.execute(BackgroundTask.of("Preparing profiling", () -> new Prepared(request(models, layers, settings),
                        target(targetName))),
                TaskCallbacks.<Prepared>of(this::launch, error -> {
                    running.set(false);
                    error(error.getMessage());
                }).withCancelled(() -> running.set(false)));
    }

    private record Prepared(ProfilingRequest request, ProfilingTarget target) {
    }

    private void launch(Prepared prepared) {
        ProfilingTarget target = prepared.target();
        results.clear();
        layersDone.set(0);
        layersSkipped.set(0);
        layersPlanned.set(0);
        progress.set(-1);
        progressText.set("starting " + target.name());
        environment.set("");
        runningSessionId.set(null);
        lastOutcome.set(null);
        selectedSession.set(null);
        resultsTitle.set("Running on " + target.name());
        info("Profiling " + String.join(", ", selectedModels) + " on " + target.name());
        task = target instanceof AdbPhoneTarget phone
                ? new PhoneSessionTask(store, phone, prepared.request(), new UiListener())
                : new ProfilingSessionTask(store, target, prepared.request(), new UiListener());
        BackgroundTask<SessionOutcome> started = task;
        executor.execute(task, TaskCallbacks.<SessionOutcome>of(outcome -> finished(outcome, started),
                        error -> failed(error, started))
                .withCancelled(() -> cancelled(started))
                .withProgress(new ProgressListener() {
                    @Override
                    public void progress(double done, double total) {
                        executor.runOnUiThread(() -> {
                            layersDone.set((int) done);
                            layersPlanned.set((int) total);
                            progress.set(total > 0 ? done / total : -1);
                        });
                    }

                    @Override
                    public void message(String text) {
                        executor.runOnUiThread(() -> progressText.set(text));
                    }
                }));
    }

    /** Asks the running session to stop; the rows measured so far are kept. */
    public void cancel() {
        BackgroundTask<SessionOutcome> t = task;
        if (t != null) {
            progressText.set("cancelling");
            t.cancel();
        }
    }

    private List<String> chosenBackends() {
        List<String> backends = new ArrayList<>();
        if (cpu.get()) {
            backends.add("cpu");
        }
        if (wasm.get()) {
            backends.add("wasm");
        }
        if (webgl.get()) {
            backends.add("webgl");
        }
        return backends;
    }

    /** Runs in the background: reads the chosen models from the catalog. */
    private ProfilingRequest request(List<String> names, LayerSelection layers, ProfilingSettings settings) {
        List<ModelSelection> models = new ArrayList<>();
        for (String name : names) {
            DnnModel model = store.models().find(name)
                    .orElseThrow(() -> new IllegalStateException("model '" + name + "' is no longer in the catalog"));
            ModelSelection selection = new ModelSelection(model, layers);
            selection.selectedLayers(); // fails with a message naming the model when the range does not fit it
            models.add(selection);
        }
        return new ProfilingRequest(models, settings);
    }

    private ProfilingTarget target(String name) {
        if (name.startsWith(AdbPhoneTarget.PREFIX)) {
            return adb == null ? AdbPhoneTarget.forName(name, store, null)
                    : new AdbPhoneTarget(new AdbServerClient(adb), name.substring(AdbPhoneTarget.PREFIX.length()), store,
                            PhoneRunOptions.defaults());
        }
        return ProfilingTargets.byName(name, chromium);
    }

    private void finished(SessionOutcome outcome, BackgroundTask<SessionOutcome> finishedTask) {
        ended(outcome.sessionId());
        lastOutcome.set(outcome);
        String skipped = outcome.skipped().isEmpty() ? "" : ", " + outcome.skipped().size() + " layers skipped";
        String energy = "";
        if (finishedTask instanceof PhoneSessionTask phone && phone.energy() != null) {
            PhoneEnergyRun.Result e = phone.energy();
            energy = "; energy attributed to " + e.layersWithEnergy() + " of " + e.layers() + " layers"
                    + (e.simulated() ? " (simulated battery)" : "")
                    + (e.chargingWhileMeasuring() ? ", but the phone was charging while measuring" : "");
        }
        if (outcome.status() == ProfilingStatus.COMPLETED) {
            info("Session " + outcome.sessionId() + " completed: " + outcome.rowsStored() + " layer rows stored"
                    + skipped + " in " + outcome.elapsed().toSeconds() + " s" + energy);
        } else if (outcome.status() == ProfilingStatus.INTERRUPTED) {
            error("Session " + outcome.sessionId() + " was interrupted; the " + outcome.rowsStored()
                    + " layer rows measured before are kept" + energy + ": " + outcome.message());
        } else {
            error("Session " + outcome.sessionId() + " failed; the " + outcome.rowsStored()
                    + " layer rows measured before are kept" + energy + ": " + outcome.message());
        }
    }

    private void failed(Throwable error, BackgroundTask<SessionOutcome> failedTask) {
        ended(sessionIdOf(failedTask));
        Long id = runningSessionId.get();
        if (error instanceof TargetUnavailableException) {
            error("Cannot profile on " + selectedTarget.get() + ": " + error.getMessage());
        } else if (error instanceof IllegalArgumentException) {
            error("Cannot profile: " + error.getMessage());
        } else {
            error(id == null ? "Profiling failed: " + error.getMessage() : "Session " + id + " failed; the "
                    + results.size() + " layer rows measured before are kept: " + error.getMessage());
        }
    }

    private void cancelled(BackgroundTask<SessionOutcome> cancelledTask) {
        ended(sessionIdOf(cancelledTask));
        Long id = runningSessionId.get();
        info(id == null ? "Profiling was cancelled before the session started"
                : "Session " + id + " was cancelled; the " + results.size() + " layer rows measured before are kept.");
    }

    private static Long sessionIdOf(BackgroundTask<SessionOutcome> t) {
        return t instanceof PhoneSessionTask p ? p.sessionId() : ((ProfilingSessionTask) t).sessionId();
    }

    /** {@code id} is null when the session was never stored (target missing, cancelled while starting). */
    private void ended(Long id) {
        task = null;
        running.set(false);
        if (progress.get() < 0) {
            progress.set(0);
        }
        if (id != null) {
            runningSessionId.set(id);
        }
        resultsTitle.set((id == null ? "Last session" : "Session " + id) + ": " + results.size() + " layer rows");
        if (id != null) {
            showStoredRows(id, "Session " + id); // as stored: phone runs add energy after the last row
        }
        reloadSessions();
        storedProfiles.activate(); // new rows change the stored profiles
    }

    private void refreshTargets() {
        List<String> names = new ArrayList<>(List.of(LocalChromiumTarget.NAME));
        phones.devices().stream().filter(DeviceRow::usable).map(DeviceRow::targetName).forEach(names::add);
        String chosen = selectedTarget.get();
        targets.setAll(names);
        if (chosen != null && !names.contains(chosen) && !running.get()) {
            selectedTarget.set(LocalChromiumTarget.NAME); // the phone went away
        }
    }

    private void info(String text) {
        messageIsError.set(false);
        show(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        show(text);
    }

    /** The first line, shortened, as the message; all of it (a browser's log may follow) as the detail. */
    private void show(String text) {
        String full = text == null ? "" : text.strip();
        int newline = full.indexOf('\n');
        String first = newline < 0 ? full : full.substring(0, newline) + " …";
        message.set(first.length() > MESSAGE_CHARS ? first.substring(0, MESSAGE_CHARS - 2) + " …" : first);
        messageDetail.set(full);
    }

    /** The session's news, moved to the UI thread. */
    private final class UiListener implements ProfilingListener {

        @Override
        public void sessionStarted(long sessionId, ProfilingJob job) {
            int planned = job.plannedResults();
            executor.runOnUiThread(() -> {
                runningSessionId.set(sessionId);
                layersPlanned.set(planned);
                resultsTitle.set("Session " + sessionId + " (running)");
            });
        }

        @Override
        public void environment(HelloMessage hello) {
            String text = hello.browser() + ", " + hello.hardwareConcurrency() + " hardware threads"
                    + (hello.crossOriginIsolated() ? ", cross-origin isolated" : "");
            executor.runOnUiThread(() -> environment.set(text));
        }

        @Override
        public void layerMeasured(LayerMeasurement row, JobLayer layer) {
            ResultRow result = ResultRow.of(row);
            executor.runOnUiThread(() -> results.add(result));
        }

        @Override
        public void layerSkipped(LayerSkip skip) {
            executor.runOnUiThread(() -> layersSkipped.set(layersSkipped.get() + 1));
        }
    }

    // --- properties for the view ---

    public ObservableList<String> targets() {
        return targets;
    }

    public StringProperty selectedTargetProperty() {
        return selectedTarget;
    }

    public ObservableList<String> modelNames() {
        return modelNames;
    }

    /** The models to profile, in the order chosen. */
    public ObservableList<String> selectedModels() {
        return selectedModels;
    }

    public BooleanProperty cpuProperty() {
        return cpu;
    }

    public BooleanProperty wasmProperty() {
        return wasm;
    }

    public BooleanProperty webglProperty() {
        return webgl;
    }

    public IntegerProperty warmupRunsProperty() {
        return warmupRuns;
    }

    public IntegerProperty timedRunsProperty() {
        return timedRuns;
    }

    public DoubleProperty minTimeMsProperty() {
        return minTimeMs;
    }

    /** Layers of each chosen model, like {@code 0-10,15,20-}; empty for all. */
    public StringProperty layerRangeProperty() {
        return layerRange;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction of planned layer results done, -1 while the browser starts. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty layersDoneProperty() {
        return layersDone.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty layersPlannedProperty() {
        return layersPlanned.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty layersSkippedProperty() {
        return layersSkipped.getReadOnlyProperty();
    }

    /** The session's own words: layers done, ETA, the last layer. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The browser of the running session, once its page reported it. */
    public ReadOnlyStringProperty environmentProperty() {
        return environment.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> runningSessionIdProperty() {
        return runningSessionId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The whole message, with any browser output that came with it. */
    public ReadOnlyStringProperty messageDetailProperty() {
        return messageDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** How the last session run here ended (null before one ended normally). */
    public ReadOnlyObjectProperty<SessionOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    public ObservableList<ResultRow> results() {
        return results;
    }

    public ReadOnlyStringProperty resultsTitleProperty() {
        return resultsTitle.getReadOnlyProperty();
    }

    public ObservableList<ProfilingSessionInfo> sessions() {
        return sessions;
    }

    public ObjectProperty<ProfilingSessionInfo> selectedSessionProperty() {
        return selectedSession;
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
