package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.PredictorSource;
import org.aodnn.policyeditor.source.SourceResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mobile energy source of the Policy Editor: the compute power times the mobile latency, a profile that
 * measured energy, or a stored energy predictor. No real phone energy ships with the project, so the energies
 * here are SYNTHETIC BY CONSTRUCTION: the reference browser's measured wasm latencies at 1.5 W (1 W for 1 ms
 * is 1 mJ), stored as a phone profile and used to fit an energy predictor.
 */
class PolicyEditorEnergySourceTest {

    static final double WATTS = 1.5;
    static final MeasurementProfile PHONE = new MeasurementProfile("synthetic-phone", "browser", "wasm", "", 1);
    static final EnergySource.Predicted PREDICTED =
            new EnergySource.Predicted(new PredictorSource("phone-energy", "browser/wasm", 1));

    @TempDir
    static Path dir;
    private Store store;
    private PolicyEditorViewModel vm;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("energy-" + System.nanoTime()));
        List<LayerMeasurement> phone = new ArrayList<>();
        List<LayerSample> training = new ArrayList<>();
        for (LayerMeasurement m : store.measurements().find(MeasurementFilter.parse(List.of(
                "platform=reference-browser", "backend=wasm")))) {
            double mj = WATTS * m.latencyMs();
            phone.add(new LayerMeasurement(new MeasurementKey("synthetic-phone", m.key().model(), m.key().layerIndex(),
                    "browser", 1, "wasm", ""), m.layerName(), m.geometry(), m.latencyMs(), null, null, null, m.reps(),
                    null, mj, null, null));
            if (!m.key().model().equals("mobilenet_v2")) { // the policy's model is not among the training models
                training.add(new LayerSample(Platforms.of("browser", "wasm"), m.key().model(), m.key().layerIndex(),
                        m.layerName(), m.geometry(), 1, null, mj));
            }
        }
        store.measurements().upsertAll(phone);
        PredictorDocument energy = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2), Quantity.ENERGY)
                .fit(training, FitMonitor.NONE).document();
        new PredictorRepository(store.dsl()).save(new StoredPredictor("phone-energy", "browser/wasm", energy.quantity(),
                1, energy.fingerprint(), PredictorJson.write(energy), "{}", null), false);
        vm = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theChoicesAreComputePowerThenMeasuredProfilesThenEnergyPredictors() {
        assertEquals(List.of(SourceChoices.COMPUTE_POWER, new EnergySource.Measured(PHONE), PREDICTED), vm.energySources());
        assertTrue(PolicyEditorViewModel.isComputePower(vm.energySourceProperty().get()), "compute power by default");
        assertEquals("energy predictor phone-energy: browser/wasm/1", PREDICTED.describe());
    }

    @Test
    void measuredAndPredictedEnergiesReplaceTheComputePowerAndIgnoreItsSlider() {
        assertEquals("mobilenet_v2", vm.modelProperty().get());
        vm.weightsCachedProperty().set(true); // running locally then costs the layers alone, no weight download
        double fromPower = localOnly(vm.evaluationProperty().get()).eJ();

        vm.energySourceProperty().set(new EnergySource.Measured(PHONE));
        double measured = localOnly(vm.evaluationProperty().get()).eJ();
        double storedJ = store.measurements().find(MeasurementFilter.parse(List.of("platform=synthetic-phone",
                "model=mobilenet_v2"))).stream().mapToDouble(m -> m.energyMj() / 1000).sum();
        assertEquals(storedJ, measured, 1e-9 * storedJ, "running everything in the browser costs the layers' energy");
        assertTrue(vm.statusProperty().get().endsWith("(note: browser latency measured on reference-browser, energy on"
                + " synthetic-phone)"), vm.statusProperty().get());
        assertNotEquals(fromPower, measured);

        vm.energySourceProperty().set(PREDICTED);
        double predicted = localOnly(vm.evaluationProperty().get()).eJ();
        var model = PolicyInputs.model(store, "mobilenet_v2");
        double predictedJ = sum(new SourceResolver(store).energy(PREDICTED, model)
                .perLayerJoules(new double[model.layers().size()]));
        assertEquals(predictedJ, predicted, 1e-9 * predictedJ);
        // a predictor that never saw mobilenet_v2 still lands near its (synthetic) measured energy
        assertEquals(measured, predicted, 0.5 * measured, "predicted " + predicted + " J, measured " + measured + " J");

        Evaluation before = vm.evaluationProperty().get();
        vm.computePowerMwProperty().set(vm.computePowerMwProperty().get() * 2);
        assertEquals(before.chosen().eJ(), vm.evaluationProperty().get().chosen().eJ(), 0.0,
                "the compute power plays no part in a measured or predicted energy");
        assertEquals(PREDICTED, vm.currentSettings().mobileEnergy());

        vm.undoManager().undo(); // the power
        vm.undoManager().undo(); // the predicted source
        assertEquals(new EnergySource.Measured(PHONE), vm.energySourceProperty().get());
    }

    @Test
    void aPolicyWithAPredictedEnergyIsSavedAndReloaded() {
        vm.energySourceProperty().set(PREDICTED);
        Evaluation e = vm.evaluationProperty().get();
        vm.policyNameProperty().set("predicted-energy");
        vm.savePolicy();

        PolicyEditorViewModel other = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        other.activate();
        other.loadPolicy("predicted-energy");
        assertEquals(PREDICTED, other.energySourceProperty().get());
        assertEquals(e.chosen().k(), other.evaluationProperty().get().chosen().k());
        assertEquals(e.chosen().eJ(), other.evaluationProperty().get().chosen().eJ(), 1e-12);

        // a policy with a compute power brings its power back, and the energy choice with it
        vm.energySourceProperty().set(SourceChoices.COMPUTE_POWER);
        vm.computePowerMwProperty().set(3300);
        vm.policyNameProperty().set("power-3300");
        vm.savePolicy();
        other.computePowerMwProperty().set(1000);
        other.loadPolicy("power-3300");
        assertEquals(SourceChoices.COMPUTE_POWER, other.energySourceProperty().get());
        assertEquals(3300, other.computePowerMwProperty().get(), 0.0);
        assertEquals(new EnergySource.ComputePower(3300), other.currentSettings().mobileEnergy());
    }

    @Test
    void comingBackToTheWorkspaceReadsTheSourcesAgainAndKeepsTheChoices() {
        vm.weightsCachedProperty().set(true); // running locally then costs the layers alone
        vm.energySourceProperty().set(PREDICTED);
        double before = localOnly(vm.evaluationProperty().get()).eJ();
        vm.deactivate();
        // meanwhile the energy predictor is replaced by one twice as hungry (SYNTHETIC, see the class comment)
        StoredPredictor stored = new PredictorRepository(store.dsl()).find("phone-energy").orElseThrow();
        PredictorDocument doc = PredictorJson.read("stored", stored.document());
        List<LayerSample> doubled = new ArrayList<>();
        for (LayerMeasurement m : store.measurements().find(MeasurementFilter.parse(List.of("platform=synthetic-phone")))) {
            if (!m.key().model().equals("mobilenet_v2")) {
                doubled.add(new LayerSample("browser/wasm", m.key().model(), m.key().layerIndex(), m.layerName(),
                        m.geometry(), 1, null, 2 * m.energyMj()));
            }
        }
        PredictorDocument hungry = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2), Quantity.ENERGY)
                .fit(doubled, FitMonitor.NONE).document();
        new PredictorRepository(store.dsl()).save(new StoredPredictor("phone-energy", "browser/wasm",
                hungry.quantity(), 1, hungry.fingerprint(), PredictorJson.write(hungry), "{}", null), true);
        assertNotEquals(doc.fingerprint(), hungry.fingerprint());

        vm.activate();
        assertEquals(PREDICTED, vm.energySourceProperty().get(), "the choice survives the reload of the lists");
        assertTrue(vm.latencySources().contains(vm.mobileSourceProperty().get()));
        double after = localOnly(vm.evaluationProperty().get()).eJ();
        assertTrue(after > 1.5 * before, "the replaced predictor is used: " + before + " J -> " + after + " J");
    }

    @Test
    void anEnergyPredictorThatIsGoneIsReportedAndClearsTheEvaluation() {
        vm.energySourceProperty().set(new EnergySource.Predicted(new PredictorSource("deleted", "browser/wasm", 1)));
        assertEquals(null, vm.evaluationProperty().get());
        assertTrue(vm.statusProperty().get().contains("no stored predictor named 'deleted'"), vm.statusProperty().get());
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static CutResult localOnly(Evaluation e) {
        return e.cuts().get(e.cuts().size() - 1);
    }
}
