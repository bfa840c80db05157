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
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.policyeditor.policy.PolicyInputs;
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
import org.aodnn.policyeditor.source.SourceResolver;
import org.aodnn.policyeditor.ui.undo.PropertyEdit;
import org.aodnn.policyeditor.ui.undo.UndoManager;

/**
 * The Policy Editor's state. Choosing the model or a latency/energy source rebuilds the partition problem
 * in the background (it reads the database); every live setting (network, bandwidths, cache, T_max,
 * E_max, η) re-evaluates it at once on the calling thread, since a decision and a 100-point bandwidth sweep
 * cost microseconds. Edits are recorded for undo/redo; a slider drag is one edit, recorded on release. Latency sources are
 * measured profiles or fitted predictors stored in the database; the network profile's α_u, α_d and β_p
 * can be edited ({@link #editNetwork}).
 */
public final class PolicyEditorViewModel implements Activatable {

    /** Uplink points of the bandwidth chart: 1–100 Mbit/s, log-spaced. */
    static final double[] SWEEP_POINTS = BandwidthSweep.logSpaced(1, 100, 120);

    private final Store store;
    private final TaskExecutor executor;
    private final UndoManager undo = new UndoManager();

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

    private final ReadOnlyObjectWrapper<PartitionProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BandwidthSweep> sweep = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty tMaxLimit = new SimpleDoubleProperty(2000);
    private final DoubleProperty eMaxLimit = new SimpleDoubleProperty(10);
    private final DoubleProperty etaLimit = new SimpleDoubleProperty(1000);
    private final StringProperty readout = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    private final Map<Property<?>, Object> dragStart = new HashMap<>();
    private boolean quiet;
    private boolean etaFollowingBounds;
    private boolean resetBoundsOnNextProblem = true;
    private long problemGeneration;

    public PolicyEditorViewModel(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        recordEdits(model, "model");
        recordEdits(mobileSource, "mobile latency source");
        recordEdits(edgeSource, "edge latency source");
        recordEdits(computePowerMw, "compute power");
        recordEdits(energySource, "mobile energy source");
        recordEdits(network, "network profile");
        recordEdits(upMbps, "uplink");
        recordEdits(downMbps, "downlink");
        recordEdits(weightsCached, "weights cached");
        recordEdits(tMaxMs, "T_max");
        recordEdits(eMaxJ, "E_max");
        recordEdits(eta, "η");
        recordEdits(etaLinked, "η link");

        model.addListener((o, a, b) -> {
            if (!quiet) {
                resetBoundsOnNextProblem = true; // a model the operator picked gets bounds of its own scale
                // and its own input size: a loaded policy's applies to its model only (also when it is chosen again)
                inputBytes = java.util.Objects.equals(b, loadedPolicyModel) ? loadedPolicyInputBytes : null;
            }
            rebuildProblem();
        });
        mobileSource.addListener((o, a, b) -> rebuildProblem());
        edgeSource.addListener((o, a, b) -> rebuildProblem());
        computePowerMw.addListener((o, a, b) -> powerChanged());
        energySource.addListener((o, a, b) -> {
            if (b == null) {
                energySource.set(SourceChoices.COMPUTE_POWER); // "no energy" is not a choice
            } else {
                rebuildProblem(); // the E_max slider's range follows the new energies (updateLimits)
            }
        });
        for (javafx.beans.Observable live : List.of(network, upMbps, downMbps, weightsCached)) {
            live.addListener(o -> evaluate());
        }
        eta.addListener(o -> {
            if (!etaFollowingBounds) {
                evaluate();
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
                TaskCallbacks.<SourceChoices>of(c -> quietly(() -> {
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
                        rebuildProblem();
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

    // ---- problem and evaluation -----------------------------------------------------------------------

    private LoadedProblem loaded;
    /**
     * The input's upload size from a loaded policy (set with {@code aodnn policy save --input-bytes}); null for
     * the model's own. No control edits it, but it is kept so that the decision shown and a re-save match the
     * policy.
     */
    private Long inputBytes;
    /** The model and input size of the last loaded policy, to give the input size back when its model returns. */
    private String loadedPolicyModel;
    private Long loadedPolicyInputBytes;

    private void rebuildProblem() {
        String name = model.get();
        LayerSource mobile = mobileSource.get();
        LayerSource edge = edgeSource.get();
        EnergySource energy = energySource.get();
        if (name == null || mobile == null || edge == null) {
            return;
        }
        long generation = ++problemGeneration;
        double power = computePowerMw.get();
        status.set("Preparing " + name + "…");
        executor.execute(BackgroundTask.of("Preparing " + name, () -> {
            DnnModel layers = PolicyInputs.model(store, name);
            SourceResolver sources = new SourceResolver(store);
            return new LoadedProblem(name, mobile, edge, energy, layers, sources.latencies(mobile, layers),
                    sources.latencies(edge, layers),
                    SourceChoices.isComputePower(energy) ? null : sources.energy(energy, layers));
        }), TaskCallbacks.<LoadedProblem>of(l -> {
            if (generation != problemGeneration) {
                return; // a newer choice superseded this one
            }
            loaded = l;
            PartitionProblem p = l.problem(power, inputBytes);
            problem.set(p);
            status.set(name + ": " + p.layerCount() + " layers, " + p.cutCount() + " valid cuts"
                    + SourceChoices.deviceMismatch(l.mobile(), l.energy()));
            updateLimits(p);
            evaluate();
        }, error -> {
            if (generation == problemGeneration) {
                loaded = null;
                problem.set(null);
                evaluation.set(null);
                sweep.set(null);
                status.set(error.getMessage());
            }
        }));
    }

    /** Compute power only scales the per-layer energies: rebuild the prefix sums here, no database read. */
    private void powerChanged() {
        LoadedProblem l = loaded;
        if (l == null || !l.isFor(model.get(), mobileSource.get(), edgeSource.get(), energySource.get())) {
            rebuildProblem();
            return;
        }
        if (l.fixedEnergy() != null) {
            return; // the energy is measured or predicted per layer: the compute power plays no part
        }
        problem.set(l.problem(computePowerMw.get(), inputBytes));
        evaluate();
    }

    /** Slider ranges from the cut costs; the bounds default to the median cut when a model is chosen. */
    private void updateLimits(PartitionProblem p) {
        BoundScales scales = BoundScales.of(p, scenario());
        // A slider clamps its value to its range and the two-way binding writes the clamped value back into the
        // bound, so a limit is never set below the bound it holds: widen first, narrow only to the bound.
        quietly(() -> {
            if (resetBoundsOnNextProblem) {
                widenLimits(scales.medianT(), scales.medianE(), scales.medianT() / scales.medianE());
                tMaxMs.set(scales.medianT());
                eMaxJ.set(scales.medianE());
                if (etaLinked.get()) {
                    eta.set(tMaxMs.get() / eMaxJ.get());
                }
                undo.clear();
            }
            // a bound beyond the new costs (a loaded policy's, or kept across a source change) is the operator's:
            // the slider reaches it rather than lowering it behind their back, which a Save would then store
            tMaxLimit.set(Math.max(scales.tMaxLimit(), tMaxMs.get()));
            eMaxLimit.set(Math.max(scales.eMaxLimit(), eMaxJ.get()));
            etaLimit.set(BoundScales.niceCeiling(Math.max(tMaxLimit.get() / Math.max(eMaxJ.get(), 1e-9), eta.get()) * 2));
        });
        resetBoundsOnNextProblem = false;
    }

    /** Raises the slider limits (never lowers them) so the sliders can hold these values. */
    private void widenLimits(double tMax, double eMax, double etaValue) {
        tMaxLimit.set(Math.max(tMaxLimit.get(), tMax));
        eMaxLimit.set(Math.max(eMaxLimit.get(), eMax));
        etaLimit.set(Math.max(etaLimit.get(), etaValue));
    }

    private void boundsChanged() {
        if (etaLinked.get() && eMaxJ.get() > 0) {
            boolean wasQuiet = quiet;
            quiet = true; // η follows the bounds: part of the same edit, not an edit of its own
            etaFollowingBounds = true; // and one evaluation below, not a second one for η
            eta.set(tMaxMs.get() / eMaxJ.get());
            etaFollowingBounds = false;
            quiet = wasQuiet;
            etaLimit.set(Math.max(etaLimit.get(), BoundScales.niceCeiling(eta.get() * 2)));
        }
        evaluate();
    }

    private void evaluate() {
        PartitionProblem p = problem.get();
        if (p == null) {
            return;
        }
        Scenario scenario;
        try {
            scenario = scenario();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        Evaluation e = p.evaluate(scenario);
        evaluation.set(e);
        sweep.set(p.sweepUplink(scenario, SWEEP_POINTS));
        readout.set(Readout.describe(e));
    }

    /** The live part of the settings. */
    public Scenario scenario() {
        return new Scenario(network.get(), upMbps.get(), downMbps.get(), weightsCached.get(), tMaxMs.get(),
                eMaxJ.get(), etaLinked.get() ? null : eta.get());
    }

    public PolicySettings currentSettings() {
        EnergySource energy = energySource.get();
        return PolicySettings.of(model.get(), mobileSource.get(), edgeSource.get(),
                SourceChoices.isComputePower(energy) ? new EnergySource.ComputePower(computePowerMw.get()) : energy,
                scenario(), inputBytes);
    }

    // ---- saving and loading ---------------------------------------------------------------------------

    public void savePolicy() {
        String name = policyName.get() == null ? "" : policyName.get().trim();
        if (name.isEmpty()) {
            status.set("Give the policy a name to save it");
            return;
        }
        PolicySettings settings = currentSettings();
        executor.execute(BackgroundTask.of("Saving policy " + name, () -> {
            new PolicyStore(store).save(name, settings);
            return new PolicyStore(store).list().stream().map(PolicyStore.PolicySummary::name).toList();
        }), TaskCallbacks.<List<String>>of(names -> {
            policies.setAll(names);
            status.set("Saved policy '" + name + "'");
        }, error -> status.set("Cannot save: " + error.getMessage())));
    }

    public void loadPolicy(String name) {
        if (name == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Loading policy " + name, () -> new PolicyStore(store).require(name)),
                TaskCallbacks.<SavedPolicy>of(saved -> {
                    apply(saved.settings());
                    policyName.set(saved.name());
                    undo.clear();
                    status.set("Loaded policy '" + name + "'");
                }, error -> status.set("Cannot load: " + error.getMessage())));
    }

    /** Sets every field from {@code s} without recording edits. */
    void apply(PolicySettings s) {
        quietly(() -> {
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
            widenLimits(s.tMaxMs(), s.eMaxJ(), s.eta());
            tMaxMs.set(s.tMaxMs());
            eMaxJ.set(s.eMaxJ());
            eta.set(s.eta());
            inputBytes = s.inputBytes(); // before the model, whose change rebuilds the problem
            loadedPolicyModel = s.model();
            loadedPolicyInputBytes = s.inputBytes();
            model.set(s.model());
        });
        rebuildProblem();
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
        if (!after.equals(before)) {
            quietly(() -> network.set(after)); // recorded below under the parameter's own name
            undo.record(new PropertyEdit<>(network, before, after, parameter.label()));
        }
        return true;
    }

    // ---- undo/redo ------------------------------------------------------------------------------------

    private <T> void recordEdits(Property<T> property, String label) {
        property.addListener((obs, before, after) -> {
            if (quiet || undo.isReplaying() || dragStart.containsKey(property)) {
                return;
            }
            undo.record(new PropertyEdit<>(property, before, after, label));
        });
    }

    /** A slider drag starts: its intermediate values are live but not separate edits. */
    public void beginDrag(Property<?> property) {
        dragStart.putIfAbsent(property, property.getValue());
    }

    /** A slider drag ends: one edit from the value at the start to the value now. */
    @SuppressWarnings("unchecked")
    public <T> void endDrag(Property<T> property, String label) {
        if (!dragStart.containsKey(property)) {
            return;
        }
        T before = (T) dragStart.remove(property);
        if (before != null && !before.equals(property.getValue())) {
            undo.record(new PropertyEdit<>(property, before, property.getValue(), label));
        }
    }

    private void quietly(Runnable changes) {
        boolean wasQuiet = quiet;
        quiet = true;
        try {
            changes.run();
        } finally {
            quiet = wasQuiet;
        }
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
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BandwidthSweep> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    public DoubleProperty tMaxLimitProperty() {
        return tMaxLimit;
    }

    public DoubleProperty eMaxLimitProperty() {
        return eMaxLimit;
    }

    public DoubleProperty etaLimitProperty() {
        return etaLimit;
    }

    public StringProperty readoutProperty() {
        return readout;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
