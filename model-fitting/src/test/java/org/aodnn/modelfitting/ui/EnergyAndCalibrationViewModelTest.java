package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.modelfitting.EnergyFitTest;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import org.junit.jupiter.api.Test;

/**
 * The workspace view model's energy quantity (rows that measured energy, shown in mJ) and browser
 * calibration on a stored edge predictor.
 */
class EnergyAndCalibrationViewModelTest extends WorkspaceViewModelFixture {

    @Test
    void energyIsFittedFromTheRowsThatMeasuredItAndShownInMillijoules() throws Exception {
        // SYNTHETIC BY CONSTRUCTION (see EnergyFitTest): real latency rows with energy = power x latency + cost
        List<LayerMeasurement> rows = EnergyFitTest.rowsWithEnergy().stream().map(m -> new LayerMeasurement(
                new MeasurementKey("synthetic-phone", m.key().model(), m.key().layerIndex(), m.key().target(),
                        m.key().threads(), m.key().backend(), m.key().browser()), m.layerName(), m.geometry(),
                m.latencyMs(), null, null, null, m.reps(), null, m.energyMj(), null, null)).toList();
        try (Store phone = Store.open(dir.resolve("phone"), false)) {
            phone.measurements().upsertAll(rows);
            ModelFittingViewModel e = new ModelFittingViewModel(phone, new CurrentThreadTaskExecutor());
            e.activate();
            assertEquals(List.of("synthetic-phone"), ticked(e.devices()));
            long withEnergy = rows.stream().filter(m -> m.energyMj() != null).count();
            assertTrue(e.devicesSummaryProperty().get().endsWith("; " + withEnergy + " rows with energy"),
                    e.devicesSummaryProperty().get());
            e.selectBackends(List.of("cpu"));
            List<LayerMeasurement> cpu = rows.stream().filter(m -> m.key().target().equals("cpu")).toList();
            long cpuWithEnergy = cpu.stream().filter(m -> m.energyMj() != null).count();
            assertEquals(cpu.size() + " rows selected", e.selectionSummaryProperty().get());

            e.quantityProperty().set(Quantity.ENERGY);
            assertEquals(cpuWithEnergy + " rows with energy selected (" + (cpu.size() - cpuWithEnergy)
                    + " ticked rows without energy_mj left out)", e.selectionSummaryProperty().get());
            List<LayerSample> selected = e.selectedRows();
            assertEquals(cpuWithEnergy, selected.size());
            assertEquals(cpu.stream().filter(m -> m.energyMj() != null).mapToDouble(LayerMeasurement::energyMj).sum(),
                    selected.stream().mapToDouble(LayerSample::latencyMs).sum(), 1e-9, "the fit trains on energy");

            e.fit();
            assertEquals("", e.errorProperty().get());
            FitOutcome outcome = e.outcomeProperty().get();
            assertEquals(PredictorDocument.QUANTITY_ENERGY, outcome.document().quantity());
            assertTrue(e.statusProperty().get().startsWith("Fitted a log energy predictor on " + cpuWithEnergy + " rows"),
                    e.statusProperty().get());
            assertEquals("energy mJ", e.valueNameProperty().get());
            MetricsTableRow overall = e.metrics().get(0);
            assertEquals("predictor", overall.method());
            assertTrue(overall.rmse().endsWith(" mJ") && overall.rows().endsWith("> 0 mJ)"), overall.rows());
            assertTrue(e.metricsCaptionProperty().get().startsWith("Energy accuracy"), e.metricsCaptionProperty().get());
            assertFalse(e.measuredVsPredicted().isEmpty());
            assertEquals("synthetic-phone-cpu-log-energy", e.saveNameProperty().get());
            e.save();
            assertEquals(PredictorDocument.QUANTITY_ENERGY, e.storedPredictors().get(0).quantity());
            assertEquals(List.of(CalibrationBase.NONE), e.calibrationBases(), "an energy predictor is no latency base");

            e.quantityProperty().set(Quantity.LATENCY);
            e.fit();
            assertEquals(PredictorDocument.QUANTITY_LATENCY, e.outcomeProperty().get().document().quantity());
            assertEquals("latency ms", e.valueNameProperty().get());
        }
    }

    @Test
    void aProfileWithoutEnergyCannotFitEnergyAndSaysWhere() {
        chooseGpuSubset();
        vm.quantityProperty().set(Quantity.ENERGY);
        assertFalse(vm.canFitBinding().get());
        assertTrue(vm.selectionSummaryProperty().get().startsWith("No energy measured on the ticked devices"),
                vm.selectionSummaryProperty().get());
        assertTrue(vm.devicesSummaryProperty().get().endsWith("no energy measured"), vm.devicesSummaryProperty().get());
        vm.fit();
        assertEquals("The ticked devices (edge-server) have no energy_mj measurements: energy is measured on phones"
                + " that report their battery's power.", vm.errorProperty().get());
        assertNull(vm.outcomeProperty().get());
    }

    @Test
    void browserBackendsAreCalibratedOnAStoredEdgePredictor() {
        vm.selectDevices(List.of("edge-server"));
        vm.selectBackends(List.of("cpu"));
        vm.selectModels(THREE_MODELS);
        vm.fit();
        vm.saveNameProperty().set("edge-cpu");
        vm.save();
        CalibrationBase base = new CalibrationBase("edge-cpu", "cpu");
        assertEquals(List.of(CalibrationBase.NONE, base), vm.calibrationBases());
        PredictorDocument edge = vm.outcomeProperty().get().document();

        vm.selectDevices(List.of("reference-browser"));
        vm.selectBackends(List.of("browser/wasm"));
        vm.selectModels(THREE_MODELS);
        vm.calibrationBaseProperty().set(base);
        vm.fit();
        assertEquals("", vm.errorProperty().get());
        PredictorDocument doc = vm.outcomeProperty().get().document();
        assertEquals(List.of("cpu", "browser/wasm"), doc.platformNames());
        assertEquals(PredictorJson.write(edge.withMetrics(null)).replaceAll("(?s).*\"platforms\"", ""),
                PredictorJson.write(new PredictorDocument(1, edge.quantity(), edge.mode(), edge.fingerprint(),
                        edge.createdAt(), List.of(doc.platform("cpu").orElseThrow()), null))
                        .replaceAll("(?s).*\"platforms\"", ""), "the stored cpu platform is carried unchanged");
        var calibration = doc.platform("browser/wasm").orElseThrow().calibration();
        assertEquals("cpu", calibration.basePlatform());
        assertEquals(org.aodnn.modelfitting.predictor.Calibration.QUADRATIC, calibration.kind(), "wasm: Eq. 3");
        assertEquals(List.of("browser/wasm"), vm.chartPlatforms(), "the borrowed base has no rows to chart");
        assertTrue(vm.chartNoteProperty().get().startsWith("browser/wasm is calibrated on cpu (Eq. 3, quadratic)"),
                vm.chartNoteProperty().get());
        assertFalse(vm.measuredVsPredicted().isEmpty());
        assertTrue(vm.statusProperty().get().endsWith("browser/wasm calibrated on cpu of predictor 'edge-cpu'."),
                vm.statusProperty().get());

        vm.quantityProperty().set(Quantity.ENERGY);
        assertEquals(CalibrationBase.NONE, vm.calibrationBaseProperty().get(), "energy is not calibrated: base dropped");
        vm.fit();
        assertTrue(vm.errorProperty().get().startsWith("The ticked devices (reference-browser) have no energy_mj"),
                vm.errorProperty().get());
        vm.quantityProperty().set(Quantity.LATENCY);
        vm.calibrationBaseProperty().set(base);
        vm.selectDevices(List.of("edge-server"));
        vm.selectBackends(List.of("gpu"));
        vm.fit();
        assertEquals("Calibration applies to browser backends (browser/...), and none is ticked: tick one, or choose"
                + " 'none' to fit directly.", vm.errorProperty().get());

        // the base disappears with its predictor, and the choice falls back to fitting directly
        vm.selectedStoredProperty().set(vm.storedPredictors().get(0));
        vm.deleteSelected();
        assertEquals(CalibrationBase.NONE, vm.calibrationBaseProperty().get());
        assertEquals(List.of(CalibrationBase.NONE), vm.calibrationBases());
    }
}
