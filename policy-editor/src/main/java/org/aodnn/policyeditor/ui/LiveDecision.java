package org.aodnn.policyeditor.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.solver.BandwidthSweep;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.SourceResolver;

/**
 * The decision the Policy Editor shows, kept current: a change of model or source rebuilds the partition
 * problem in the background (it reads the database); the compute power and input size rebuild it from what
 * was read; every live setting re-evaluates it at once on the calling thread (a decision and a 120-point
 * bandwidth sweep cost microseconds). When the settings give no decision, there is none to show, and the
 * readout and status say why; once they give one again, the status returns to the problem's summary.
 */
final class LiveDecision {

    /** Uplink points of the bandwidth chart: 1–100 Mbit/s, log-spaced. */
    static final double[] SWEEP_POINTS = BandwidthSweep.logSpaced(1, 100, 120);

    /** The choices a problem is built from, as they are when it is asked for. */
    record Choices(String model, LayerSource mobile, LayerSource edge, EnergySource energy, double powerMw,
                   Long inputBytes) {
    }

    private final Store store;
    private final TaskExecutor executor;
    private final Supplier<Choices> choices;
    private final Supplier<Scenario> scenario;
    private final StringProperty status;
    private final Consumer<PartitionProblem> onNewProblem;

    private final ReadOnlyObjectWrapper<PartitionProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BandwidthSweep> sweep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> modelInputBytes = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");

    private LoadedProblem loaded;
    /** What the status line says while the settings give a decision: the model, its cuts, any mismatch. */
    private String summary = "";
    /** Why the current choices give no problem (it could not be built), or null. */
    private String problemError;
    private long generation;
    /** A build for new choices is under way: the decision shown would be of the old ones, so none is shown. */
    private boolean preparing;

    /**
     * @param onNewProblem runs when a problem was built for new choices (before it is evaluated): the slider
     *                     ranges follow its costs
     */
    LiveDecision(Store store, TaskExecutor executor, Supplier<Choices> choices, Supplier<Scenario> scenario,
                 StringProperty status, Consumer<PartitionProblem> onNewProblem) {
        this.store = store;
        this.executor = executor;
        this.choices = choices;
        this.scenario = scenario;
        this.status = status;
        this.onNewProblem = onNewProblem;
    }

    /** Reads the model and its sources again in the background; a newer call supersedes an older one. */
    void rebuild() {
        Choices c = choices.get();
        long mine = ++generation; // also when nothing is built: an older build must not land afterwards
        if (c.model() == null || c.mobile() == null || c.edge() == null) {
            preparing = false;
            return;
        }
        preparing = true;
        loaded = null;
        problem.set(null);
        clear("preparing " + c.model() + "…"); // not the old choices' decision under the new choices' names
        status.set("Preparing " + c.model() + "…");
        executor.execute(BackgroundTask.of("Preparing " + c.model(), () -> {
            DnnModel layers = PolicyInputs.model(store, c.model());
            SourceResolver sources = new SourceResolver(store);
            return new LoadedProblem(c.model(), c.mobile(), c.edge(), c.energy(), layers,
                    sources.latencies(c.mobile(), layers), sources.latencies(c.edge(), layers),
                    SourceChoices.isComputePower(c.energy()) ? null : sources.energy(c.energy(), layers));
        }), TaskCallbacks.<LoadedProblem>of(l -> {
            if (mine != generation) {
                return; // a newer choice superseded this one
            }
            preparing = false;
            loaded = l;
            problemError = null;
            modelInputBytes.set(PartitionInputs.modelInputBytes(l.layers()));
            PartitionProblem p = l.problem(c.powerMw(), c.inputBytes());
            problem.set(p);
            summary = c.model() + ": " + p.layerCount() + " layers, " + p.cutCount() + " valid cuts"
                    + SourceChoices.deviceMismatch(l.mobile(), l.energy());
            status.set(summary);
            onNewProblem.accept(p);
            evaluate();
        }, error -> {
            if (mine == generation) {
                preparing = false;
                loaded = null;
                problemError = error.getMessage();
                modelInputBytes.set(null);
                problem.set(null);
                clear(error.getMessage());
                status.set(error.getMessage());
            }
        }));
    }

    /**
     * Compute power and input size change only the per-layer energies and the upload of cut 0: rebuild the
     * prefix sums from what was read, no database read (unless the choices moved on since).
     */
    void recompute(boolean powerChanged) {
        Choices c = choices.get();
        LoadedProblem l = loaded;
        if (l == null || !l.isFor(c.model(), c.mobile(), c.edge(), c.energy())) {
            rebuild();
            return;
        }
        if (powerChanged && l.fixedEnergy() != null) {
            return; // the energy is measured or predicted per layer: the compute power plays no part
        }
        problem.set(l.problem(c.powerMw(), c.inputBytes()));
        evaluate();
    }

    /** Decides for the live settings at once. */
    void evaluate() {
        PartitionProblem p = problem.get();
        if (p == null) {
            return;
        }
        Scenario s;
        try {
            s = scenario.get();
        } catch (IllegalArgumentException e) {
            clear(e.getMessage()); // no decision for these settings: show none rather than the last one
            status.set(e.getMessage());
            return;
        }
        Evaluation e = p.evaluate(s);
        evaluation.set(e);
        sweep.set(p.sweepUplink(s, SWEEP_POINTS));
        readout.set(Readout.describe(e));
        status.set(summary); // an earlier error no longer applies: the settings give a decision again
    }

    /** No decision: the charts and the readout show none, and the readout says why. */
    private void clear(String why) {
        evaluation.set(null);
        sweep.set(null);
        readout.set("No decision: " + why);
    }

    /** Why there is no decision now, for a refused Save; null while there is one. */
    String whyNone() {
        if (preparing) {
            return "still preparing the decision for the new choices";
        }
        if (evaluation.get() != null) {
            return null;
        }
        return problemError != null ? problemError : problem.get() == null ? "still preparing" : readout.get();
    }

    ReadOnlyObjectProperty<PartitionProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<BandwidthSweep> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Long> modelInputBytesProperty() {
        return modelInputBytes.getReadOnlyProperty();
    }

    ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }
}
