package org.aodnn.policyeditor.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.policy.SavedPolicy;
import org.aodnn.policyeditor.solver.BandwidthSweep;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.policy.InputSize;
import org.aodnn.policyeditor.ui.undo.EditRecorder;
import org.aodnn.policyeditor.ui.undo.UndoManager;

/**
 * The Policy Editor's state: the operator's choices and settings as properties, each change handed to the
 * {@link LiveDecision} that keeps the decision shown current (a model or source change rebuilds it in the
 * background, a live setting re-evaluates it at once). Edits are recorded for undo/redo ({@link EditRecorder});
 * a slider drag is one edit, recorded on release. Latency sources are measured profiles or fitted predictors
 * stored in the database; the network profile's α_u, α_d and β_p ({@link #editNetwork}), the bounds
 * ({@link #editBound}) and the input's upload size ({@link #editInputSize}) can also be typed. Saving refuses
 * settings without a decision; {@link #replaceWarning} says what a Save would replace.
 */
public final class PolicyEditorViewModel implements Activatable {

    /** Uplink points of the bandwidth chart: 1–100 Mbit/s, log-spaced. */
    static final double[] SWEEP_POINTS = LiveDecision.SWEEP_POINTS;

    private final Store store;
    private final TaskExecutor executor;
    private final UndoManager undo = new UndoManager();
    private final EditRecorder edits = new EditRecorder(undo);
    private final SliderLimits limits = new SliderLimits();

    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<LayerSource> latencySources = FXCollections.observableArrayList();
    private final ObservableList<NetworkProfile> networks = FXCollections.observableArrayList(NetworkProfile.defaults());
    private final ObservableList<String> policies = FXCollections.observableArrayList();

    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<LayerSource> mobileSource = new SimpleObjectProperty<>();
    private final ObjectProperty<LayerSource> edgeSource = new SimpleObjectProperty<>();
    private final DoubleProperty computePowerMw = new SimpleDoubleProperty(2000);
    private final ObservableList<EnergySource> energySources =
            FXCollections.observableArrayList(List.of(SourceChoices.COMPUTE_POWER));
    // the compute-power choice, a profile that measured energy, or a stored energy predictor
    private final ObjectProperty<EnergySource> energySource = new SimpleObjectProperty<>(SourceChoices.COMPUTE_POWER);
    private final ObjectProperty<NetworkProfile> network = new SimpleObjectProperty<>(NetworkProfile.WIFI);
    private final DoubleProperty upMbps = new SimpleDoubleProperty(10);
    private final DoubleProperty downMbps = new SimpleDoubleProperty(50);
    private final BooleanProperty weightsCached = new SimpleBooleanProperty(false);
    private final DoubleProperty tMaxMs = new SimpleDoubleProperty(1000);
    private final DoubleProperty eMaxJ = new SimpleDoubleProperty(5);
    private final DoubleProperty eta = new SimpleDoubleProperty(200);
    private final BooleanProperty etaLinked = new SimpleBooleanProperty(true);
    private final StringProperty policyName = new SimpleStringProperty("");
    /** The input's upload size D_0 in bytes; null for the model's own (4 bytes per input element). */
    private final ObjectProperty<Long> inputBytes = new SimpleObjectProperty<>();
    /** An input size belongs to its model: the one set for each model, given back when it is chosen again. */
    private final Map<String, Long> inputBytesByModel = new HashMap<>();

    private final StringProperty status = new SimpleStringProperty("");

    private boolean etaFollowingBounds;
    private boolean resetBoundsOnNextProblem = true;
    private final LiveDecision decision;

    public PolicyEditorViewModel(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        this.decision = new LiveDecision(store, executor, () -> new LiveDecision.Choices(model.get(),
                mobileSource.get(), edgeSource.get(), energySource.get(), computePowerMw.get(), inputBytes.get()),
                this::scenario, status, this::updateLimits);
        edits.watch(model, "model");
        edits.watch(mobileSource, "mobile latency source");
        edits.watch(edgeSource, "edge latency source");
        edits.watch(computePowerMw, "compute power");
        edits.watch(energySource, "mobile energy source");
        edits.watch(network, "network profile");
        edits.watch(upMbps, "uplink");
        edits.watch(downMbps, "downlink");
        edits.watch(weightsCached, "weights cached");
        edits.watch(tMaxMs, "T_max");
        edits.watch(eMaxJ, "E_max");
        edits.watch(eta, "η");
        edits.watch(etaLinked, "η link");
        edits.watch(inputBytes, "input size");

        model.addListener((o, a, b) -> {
            if (!edits.isQuiet()) {
                resetBoundsOnNextProblem = true; // a model the operator picked gets bounds of its own scale
                // and the input size set for it (by the operator or a loaded policy), else its own
                edits.quietly(() -> inputBytes.set(b == null ? null : inputBytesByModel.get(b)));
            }
            decision.rebuild();
        });
        inputBytes.addListener((o, a, b) -> {
            if (!edits.isQuiet()) { // the operator's edit, or its undo/redo
                rememberInputBytes(model.get(), b);
                decision.recompute(false);
            }
        });
        mobileSource.addListener((o, a, b) -> decision.rebuild());
        edgeSource.addListener((o, a, b) -> decision.rebuild());
        computePowerMw.addListener((o, a, b) -> decision.recompute(true));
        energySource.addListener((o, a, b) -> {
            if (b == null) {
                energySource.set(SourceChoices.COMPUTE_POWER); // "no energy" is not a choice
            } else {
                decision.rebuild(); // the E_max slider's range follows the new energies (updateLimits)
            }
        });
        for (javafx.beans.Observable live : List.of(network, upMbps, downMbps, weightsCached)) {
            live.addListener(o -> decision.evaluate());
        }
        eta.addListener(o -> {
            if (!etaFollowingBounds) {
                decision.evaluate();
            }
        });
        tMaxMs.addListener(o -> boundsChanged());
        eMaxJ.addListener(o -> boundsChanged());
        etaLinked.addListener(o -> boundsChanged());
    }

    // ---- activation -------------------------------------------------------------------------------

    @Override
    public void activate() {
        executor.execute(BackgroundTask.of("Loading policy editor choices", () -> SourceChoices.load(store)),
                TaskCallbacks.<SourceChoices>of(c -> edits.quietly(() -> {
                    boolean reactivated = model.get() != null;
                    // Replacing a combo box's items clears its value for a moment, and the model's listener
                    // would take that for a new choice (default model, default bounds): replace only what
                    // changed, and put every choice back.
                    String keepModel = model.get();
                    LayerSource keepMobile = mobileSource.get();
                    LayerSource keepEdge = edgeSource.get();
                    EnergySource keepEnergy = energySource.get();
                    replaceIfChanged(models, c.models());
                    replaceIfChanged(latencySources, c.latencySources());
                    List<EnergySource> offered = new ArrayList<>(c.energySources());
                    if (!SourceChoices.isComputePower(keepEnergy) && !offered.contains(keepEnergy)) {
                        // kept as chosen (a loaded policy may name one that is gone): the problem says why it fails
                        offered.add(keepEnergy);
                    }
                    replaceIfChanged(energySources, offered);
                    replaceIfChanged(policies, c.policies());
                    model.set(keepModel);
                    mobileSource.set(keepMobile);
                    edgeSource.set(keepEdge);
                    energySource.set(keepEnergy);
                    if (mobileSource.get() == null) {
                        mobileSource.set(SourceChoices.like(SourceChoices.DEFAULT_MOBILE, c.latencySources()));
                    }
                    if (edgeSource.get() == null) {
                        edgeSource.set(SourceChoices.like(SourceChoices.DEFAULT_EDGE, c.latencySources()));
                    }
                    if (model.get() == null && !c.models().isEmpty()) {
                        resetBoundsOnNextProblem = true;
                        model.set(c.models().contains("mobilenet_v2") ? "mobilenet_v2" : c.models().get(0));
                    } else if (reactivated) {
                        // measurements or predictors may have changed while the workspace was hidden (a profile
                        // stored, a predictor replaced): read the sources again rather than show stale decisions
                        decision.rebuild();
                    }
                }), error -> status.set("Cannot load the choices: " + error.getMessage())));
    }

    private static <T> void replaceIfChanged(ObservableList<T> shown, List<T> fresh) {
        if (!shown.equals(fresh)) {
            shown.setAll(fresh);
        }
    }

    @Override
    public void deactivate() {
        // Nothing polls; the problem and settings stay as the operator left them.
    }

    // ---- the policy last loaded or saved -----------------------------------------------------------------

    /** Its name, to tell a re-save from replacing another policy (its model is in its settings below). */
    private String currentPolicy;
    /** The settings as last loaded or saved; null before either. */
    private final ObjectProperty<PolicySettings> savedSettings = new SimpleObjectProperty<>();
    private javafx.beans.binding.BooleanBinding unsaved;

    private void rememberInputBytes(String modelName, Long bytes) {
        if (modelName == null) {
            return;
        }
        if (bytes == null) {
            inputBytesByModel.remove(modelName);
        } else {
            inputBytesByModel.put(modelName, bytes);
        }
    }

    /** Slider ranges from the cut costs; the bounds default to the median cut when a model is chosen. */
    private void updateLimits(PartitionProblem p) {
        BoundScales scales = BoundScales.of(p, scenario());
        edits.quietly(() -> {
            if (resetBoundsOnNextProblem) {
                limits.widen(scales.medianT(), scales.medianE(), scales.medianT() / scales.medianE());
                tMaxMs.set(scales.medianT());
                eMaxJ.set(scales.medianE());
                if (etaLinked.get()) {
                    eta.set(tMaxMs.get() / eMaxJ.get());
                }
                undo.clear();
            }
            // a bound beyond the new costs (a loaded policy's, or kept across a source change) is the operator's
            limits.fit(scales, tMaxMs.get(), eMaxJ.get(), eta.get());
        });
        resetBoundsOnNextProblem = false;
    }

    private void boundsChanged() {
        if (etaLinked.get() && eMaxJ.get() > 0) {
            // η follows the bounds: part of the same edit, not an edit of its own
            edits.quietly(() -> {
                etaFollowingBounds = true; // and one evaluation below, not a second one for η
                eta.set(tMaxMs.get() / eMaxJ.get());
                etaFollowingBounds = false;
            });
            limits.makeRoomForEta(eta.get());
        }
        decision.evaluate();
    }

    /** The live part of the settings. */
    public Scenario scenario() {
        return new Scenario(network.get(), upMbps.get(), downMbps.get(), weightsCached.get(), tMaxMs.get(),
                eMaxJ.get(), etaLinked.get() ? null : eta.get());
    }

    /** The settings now, or null while they are not valid settings (a bound out of range). */
    private PolicySettings currentSettingsOrNull() {
        try {
            return currentSettings();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * True while the settings differ from the policy last loaded or saved (false before either): the editor
     * marks them, so that an operator leaving a policy knows whether Save is still due.
     */
    public javafx.beans.binding.BooleanBinding unsavedProperty() {
        if (unsaved == null) {
            unsaved = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> savedSettings.get() != null && !savedSettings.get().equals(currentSettingsOrNull()),
                    savedSettings, model, mobileSource, edgeSource, computePowerMw, energySource, network, upMbps,
                    downMbps, weightsCached, tMaxMs, eMaxJ, eta, etaLinked, inputBytes);
        }
        return unsaved;
    }

    public PolicySettings currentSettings() {
        EnergySource energy = energySource.get();
        return PolicySettings.of(model.get(), mobileSource.get(), edgeSource.get(),
                SourceChoices.isComputePower(energy) ? new EnergySource.ComputePower(computePowerMw.get()) : energy,
                scenario(), inputBytes.get());
    }

    // ---- saving and loading ---------------------------------------------------------------------------

    public void savePolicy() {
        String name = policyName.get() == null ? "" : policyName.get().trim();
        if (name.isEmpty()) {
            status.set("Give the policy a name to save it");
            return;
        }
        String none = decision.whyNone();
        if (none != null) {
            // a policy that gives no decision would fail every manifest built from it, and would replace a good one
            status.set("Cannot save '" + name + "': these settings give no decision (" + none + ")");
            return;
        }
        PolicySettings settings = currentSettings();
        executor.execute(BackgroundTask.of("Saving policy " + name, () -> {
            new PolicyStore(store).save(name, settings);
            return new PolicyStore(store).list().stream().map(PolicyStore.PolicySummary::name).toList();
        }), TaskCallbacks.<List<String>>of(names -> {
            replaceIfChanged(policies, names);
            rememberSaved(name, settings);
            status.set("Saved policy '" + name + "'");
        }, error -> status.set("Cannot save: " + error.getMessage())));
    }

    private void rememberSaved(String name, PolicySettings settings) {
        currentPolicy = name;
        savedSettings.set(settings);
    }

    /**
     * What Save would replace, for the view to confirm first: null for a new name, or for the policy last
     * loaded or saved under this name with the same model; otherwise a sentence naming the policy replaced.
     */
    public String replaceWarning() {
        String name = policyName.get() == null ? "" : policyName.get().trim();
        if (!policies.contains(name)) {
            return null;
        }
        String currentPolicyModel = savedSettings.get() == null ? null : savedSettings.get().model();
        if (name.equals(currentPolicy) && java.util.Objects.equals(model.get(), currentPolicyModel)) {
            return null; // saving the policy being edited
        }
        return name.equals(currentPolicy)
                ? "The saved policy '" + name + "' is for " + currentPolicyModel + "; saving replaces it with one for "
                        + model.get() + "."
                : "A policy named '" + name + "' is already saved; saving replaces it with these settings.";
    }

    public void loadPolicy(String name) {
        if (name == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Loading policy " + name, () -> new PolicyStore(store).require(name)),
                TaskCallbacks.<SavedPolicy>of(saved -> {
                    apply(saved.settings());
                    policyName.set(saved.name());
                    rememberSaved(saved.name(), saved.settings());
                    undo.clear();
                    status.set("Loaded policy '" + name + "'");
                }, error -> status.set("Cannot load: " + error.getMessage())));
    }

    /** Sets every field from {@code s} without recording edits. */
    void apply(PolicySettings s) {
        edits.quietly(() -> {
            resetBoundsOnNextProblem = false;
            mobileSource.set(s.mobileLatency());
            edgeSource.set(s.edgeLatency());
            if (s.mobileEnergy() instanceof EnergySource.ComputePower p) {
                computePowerMw.set(p.milliwatts());
                energySource.set(SourceChoices.COMPUTE_POWER);
            } else {
                if (!energySources.contains(s.mobileEnergy())) {
                    energySources.add(s.mobileEnergy()); // a file, or a source no longer listed: still shown
                }
                energySource.set(s.mobileEnergy());
            }
            network.set(s.network());
            upMbps.set(s.upMbps());
            downMbps.set(s.downMbps());
            weightsCached.set(s.weightsCached());
            etaLinked.set(s.etaLinked());
            limits.widen(s.tMaxMs(), s.eMaxJ(), s.eta());
            tMaxMs.set(s.tMaxMs());
            eMaxJ.set(s.eMaxJ());
            eta.set(s.eta());
            rememberInputBytes(s.model(), s.inputBytes());
            inputBytes.set(s.inputBytes());
            model.set(s.model());
        });
        decision.rebuild();
    }

    // ---- network profile editing ----------------------------------------------------------------------

    /**
     * Sets one parameter of the current network profile from the operator's text: re-evaluates at once and
     * is one undoable edit. A bad entry changes nothing, sets the status to the reason and returns false.
     */
    public boolean editNetwork(NetworkParameter parameter, String text) {
        NetworkProfile before = network.get();
        NetworkProfile after;
        try {
            after = parameter.with(before, parameter.parse(text));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
        edits.set(network, after, parameter.label()); // one edit under the parameter's own name
        return true;
    }

    // ---- typed bounds ---------------------------------------------------------------------------------

    /**
     * Sets T_max, E_max or η from the operator's text: the slider widens to hold it, the decision follows at
     * once, and it is one undoable edit. Typing η unlinks it from the bounds. A bad entry changes nothing,
     * sets the status to the reason and returns false.
     */
    public boolean editBound(BoundParameter parameter, String text) {
        double value;
        try {
            value = parameter.parse(text);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
        switch (parameter) {
            case T_MAX -> {
                limits.widen(value, 0, 0);
                tMaxMs.set(value);
            }
            case E_MAX -> {
                limits.widen(0, value, 0);
                eMaxJ.set(value);
            }
            case ETA -> {
                limits.widen(0, 0, value);
                etaLinked.set(false);
                eta.set(value);
            }
        }
        return true;
    }

    // ---- input size -----------------------------------------------------------------------------------

    /**
     * Sets the input's upload size from the operator's text (bytes, or with kB/MB/KiB/MiB; empty for the
     * model's own): re-evaluates at once and is one undoable edit. A bad entry changes nothing, sets the
     * status to the reason and returns false.
     */
    public boolean editInputSize(String text) {
        Long bytes;
        try {
            bytes = InputSize.parse(text);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
        inputBytes.set(bytes);
        return true;
    }

    // ---- undo/redo ------------------------------------------------------------------------------------

    /** A slider drag starts: its intermediate values are live but not separate edits. */
    public void beginDrag(Property<?> property) {
        edits.beginDrag(property);
    }

    /** A slider drag ends: one edit from the value at the start to the value now. */
    public <T> void endDrag(Property<T> property, String label) {
        edits.endDrag(property, label);
    }

    // ---- properties -----------------------------------------------------------------------------------

    public UndoManager undoManager() {
        return undo;
    }

    public ObservableList<String> models() {
        return models;
    }

    /** Measured profiles and stored predictors, for the mobile and edge latency choices. */
    public ObservableList<LayerSource> latencySources() {
        return latencySources;
    }

    public ObservableList<NetworkProfile> networks() {
        return networks;
    }

    public ObservableList<String> policies() {
        return policies;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<LayerSource> mobileSourceProperty() {
        return mobileSource;
    }

    public ObjectProperty<LayerSource> edgeSourceProperty() {
        return edgeSource;
    }

    /** The mobile energy choices: compute power first, then profiles with energy, then energy predictors. */
    public ObservableList<EnergySource> energySources() {
        return energySources;
    }

    public ObjectProperty<EnergySource> energySourceProperty() {
        return energySource;
    }

    /** Whether the energy is the compute power times the mobile latency (so the power field matters). */
    public static boolean isComputePower(EnergySource source) {
        return SourceChoices.isComputePower(source);
    }

    public DoubleProperty computePowerMwProperty() {
        return computePowerMw;
    }

    public ObjectProperty<NetworkProfile> networkProperty() {
        return network;
    }

    public DoubleProperty upMbpsProperty() {
        return upMbps;
    }

    public DoubleProperty downMbpsProperty() {
        return downMbps;
    }

    public BooleanProperty weightsCachedProperty() {
        return weightsCached;
    }

    public DoubleProperty tMaxMsProperty() {
        return tMaxMs;
    }

    public DoubleProperty eMaxJProperty() {
        return eMaxJ;
    }

    public DoubleProperty etaProperty() {
        return eta;
    }

    public BooleanProperty etaLinkedProperty() {
        return etaLinked;
    }

    public StringProperty policyNameProperty() {
        return policyName;
    }

    public ReadOnlyObjectProperty<PartitionProblem> problemProperty() {
        return decision.problemProperty();
    }

    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return decision.evaluationProperty();
    }

    public ReadOnlyObjectProperty<BandwidthSweep> sweepProperty() {
        return decision.sweepProperty();
    }

    public DoubleProperty tMaxLimitProperty() {
        return limits.tMaxMsProperty();
    }

    public DoubleProperty eMaxLimitProperty() {
        return limits.eMaxJProperty();
    }

    public DoubleProperty etaLimitProperty() {
        return limits.etaProperty();
    }

    /** The input's upload size set for this policy in bytes; null for the model's own. */
    public ReadOnlyObjectProperty<Long> inputBytesProperty() {
        return inputBytes;
    }

    /** The chosen model's own input size in bytes (null until its problem is built), for the field's hint. */
    public ReadOnlyObjectProperty<Long> modelInputBytesProperty() {
        return decision.modelInputBytesProperty();
    }

    public ReadOnlyStringProperty readoutProperty() {
        return decision.readoutProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }
}
