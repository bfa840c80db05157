package org.aodnn.profilinglab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.run.PhoneRunOptions;
import org.aodnn.profilinglab.job.LayerSelection;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingSettings;
import org.aodnn.profilinglab.session.ProfilingRequest;
import org.aodnn.profilinglab.target.LocalChromiumTarget;
import org.aodnn.profilinglab.target.ProfilingTarget;
import org.aodnn.profilinglab.target.ProfilingTargets;

/**
 * What to profile: the target (local Chromium or a usable phone), the models of the catalog, the backends, the
 * warm-up and timed runs, the minimum time per layer and the layer range. It turns the operator's choice into
 * what a session needs in two steps: {@link #read()} on the UI thread (checks that need no database) and
 * {@link #prepare(Snapshot)} in the background (the catalog query and the target).
 */
final class ProfilingChoice {

    private final Store store;
    private final TaskExecutor executor;
    private final LabMessages messages;
    private final Path chromium;
    private final AdbServerAddress adb;

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
    private final BooleanBinding complete;
    private final ReadOnlyStringWrapper targetProblem = new ReadOnlyStringWrapper("");
    private List<String> offered = List.of();
    private Map<String, String> listing;

    /** {@code chromium} null for {@code /usr/bin/chromium}; {@code adb} null when phones are not watched. */
    ProfilingChoice(Store store, TaskExecutor executor, LabMessages messages, Path chromium, AdbServerAddress adb) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.chromium = chromium;
        this.adb = adb;
        complete = Bindings.isNotEmpty(selectedModels).and(cpu.or(wasm).or(webgl)).and(selectedTarget.isNotEmpty());
        selectedTarget.addListener((obs, old, now) -> refreshTargets());
    }

    /** Reads the catalog's model names; chosen models that left the catalog are unchosen. */
    void loadCatalog() {
        executor.execute(BackgroundTask.of("Loading the model catalog", () -> store.models().names()),
                TaskCallbacks.<List<String>>of(names -> {
                    List<String> keep = selectedModels.stream().filter(names::contains).toList();
                    modelNames.setAll(names);
                    selectedModels.setAll(keep);
                }, error -> messages.error("Cannot load the model catalog: " + error.getMessage())));
    }

    /**
     * Offers local Chromium and every usable phone as targets. {@code listing}: the adb server's last list
     * (serial → adb state), null while it is not known (the workspace hidden, or not listed yet since shown).
     * A chosen phone is never replaced: when it is not offered (it went away, or the list is not known) it stays
     * in the list as the choice, and {@link #targetProblemProperty()} says why Start waits.
     */
    void offerPhones(List<DeviceRow> devices, Map<String, String> listing) {
        offered = devices.stream().filter(DeviceRow::usable).map(DeviceRow::targetName).toList();
        this.listing = listing;
        refreshTargets();
    }

    private void refreshTargets() {
        String chosen = selectedTarget.get();
        List<String> wanted = new ArrayList<>(List.of(LocalChromiumTarget.NAME));
        wanted.addAll(offered);
        if (chosen != null && !chosen.isEmpty() && !wanted.contains(chosen)) {
            wanted.add(chosen);
        }
        // changed item by item and the chosen one never removed: the combo box would clear the operator's choice
        targets.removeIf(t -> !wanted.contains(t));
        for (int i = 0; i < wanted.size(); i++) {
            if (!targets.contains(wanted.get(i))) {
                targets.add(Math.min(i, targets.size()), wanted.get(i));
            }
        }
        targetProblem.set(TargetAvailability.problem(chosen, listing, adb != null));
    }

    /** How the target list shows {@code target}: its name, marked "(disconnected)" when it cannot be used now. */
    String targetLabel(String target) {
        return TargetAvailability.label(target, listing, adb != null);
    }

    /** Why no session can start on the chosen target now; "" when it can. */
    ReadOnlyStringProperty targetProblemProperty() {
        return targetProblem.getReadOnlyProperty();
    }

    /** The choice as read when Start was pressed; later edits of the controls do not change a started session. */
    record Snapshot(List<String> models, LayerSelection layers, ProfilingSettings settings, String targetName) {
    }

    /** What a session starts with: the catalog's models cut to the layer range, and the target to run on. */
    record Prepared(ProfilingRequest request, ProfilingTarget target) {
    }

    /** Reads the choice on the UI thread; an {@link IllegalArgumentException} names what is wrong with it. */
    Snapshot read() {
        ProfilingSettings settings = ProfilingSettings.defaults(chosenBackends()).withRuns(warmupRuns.get(), timedRuns.get())
                .withMinTimeMs(minTimeMs.get());
        LayerSelection layers = LayerSelection.parse(layerRange.get());
        return new Snapshot(List.copyOf(selectedModels), layers, settings, selectedTarget.get());
    }

    /** Runs in the background: reads the chosen models from the catalog, then opens the target. */
    Prepared prepare(Snapshot chosen) {
        return new Prepared(request(chosen.models(), chosen.layers(), chosen.settings()), target(chosen.targetName()));
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
            if (adb == null) {
                throw new IllegalArgumentException("cannot profile on " + name + ": no adb server is configured");
            }
            return AdbPhoneTarget.forName(name, store, null, adb);
        }
        return ProfilingTargets.byName(name, chromium);
    }

    /** Models, a backend and a target are chosen: enough to try a start (the rest is checked by {@link #read()}). */
    BooleanBinding completeBinding() {
        return complete;
    }

    ObservableList<String> targets() {
        return targets;
    }

    StringProperty selectedTargetProperty() {
        return selectedTarget;
    }

    ObservableList<String> modelNames() {
        return modelNames;
    }

    ObservableList<String> selectedModels() {
        return selectedModels;
    }

    BooleanProperty cpuProperty() {
        return cpu;
    }

    BooleanProperty wasmProperty() {
        return wasm;
    }

    BooleanProperty webglProperty() {
        return webgl;
    }

    IntegerProperty warmupRunsProperty() {
        return warmupRuns;
    }

    IntegerProperty timedRunsProperty() {
        return timedRuns;
    }

    DoubleProperty minTimeMsProperty() {
        return minTimeMs;
    }

    StringProperty layerRangeProperty() {
        return layerRange;
    }
}
