package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.modelfitting.FitOutcome;
import org.junit.jupiter.api.Test;

/**
 * The workspace view model's data selection: profiles, devices, backends and models offered from the
 * database, what a bad selection says, and several devices fitted as one platform.
 */
class ModelFittingViewModelTest extends WorkspaceViewModelFixture {

    @Test
    void activationListsTheStoredProfilesAndTheirBackendsAndModels() {
        assertTrue(names(vm.devices()).containsAll(List.of("edge-server", "reference-browser")), names(vm.devices()).toString());
        assertEquals(List.of("edge-server"), ticked(vm.devices()), "the first device is ticked");
        assertEquals(List.of("cpu", "gpu"), names(vm.backends()));
        assertEquals(14, vm.models().size(), names(vm.models()).toString());
        assertTrue(vm.models().stream().allMatch(SelectableItem::isSelected), "everything is chosen by default");
        assertTrue(vm.devicesSummaryProperty().get().contains("cpu (threads 1/2/4/16)"),
                vm.devicesSummaryProperty().get());
        assertTrue(vm.canFitBinding().get());

        vm.selectDevices(List.of("reference-browser"));
        assertEquals(List.of("browser/cpu", "browser/wasm"), names(vm.backends()));
        assertFalse(vm.models().isEmpty());
    }

    @Test
    void badSelectionsAreExplainedAndNothingRuns() {
        chooseGpuSubset();
        vm.selectAllModels(false);
        assertFalse(vm.canFitBinding().get());
        vm.fit();
        assertEquals("Choose at least one model to fit.", vm.errorProperty().get());
        assertNull(vm.outcomeProperty().get());

        vm.selectModels(List.of("alexnet"));
        vm.selectBackends(List.of());
        vm.fit();
        assertEquals("Choose at least one backend to fit.", vm.errorProperty().get());

        vm.selectBackends(List.of("gpu"));
        vm.evaluationProperty().set("leave-one-model-out");
        vm.fit();
        assertTrue(vm.errorProperty().get().startsWith("Leave-one-model-out needs at least two models"));
        assertNull(vm.outcomeProperty().get());

        vm.save();
        assertEquals("Nothing to save: fit a predictor first.", vm.errorProperty().get());
        vm.exportFit(dir.resolve("nothing.json"));
        assertEquals("Nothing to export: fit a predictor first.", vm.errorProperty().get());
        assertFalse(Files.exists(dir.resolve("nothing.json")));
        vm.exportSelected(dir.resolve("nothing.json"));
        assertEquals("Choose a stored predictor to export.", vm.errorProperty().get());
    }

    @Test
    void anEmptyDatabaseSaysWhatToDoFirst() {
        try (Store empty = Store.open(dir.resolve("empty"), false)) {
            ModelFittingViewModel fresh = new ModelFittingViewModel(empty, new CurrentThreadTaskExecutor());
            fresh.activate();
            assertTrue(fresh.devices().isEmpty());
            assertTrue(fresh.statusProperty().get().startsWith("No measurements are stored yet"),
                    fresh.statusProperty().get());
            assertFalse(fresh.canFitBinding().get());
            fresh.fit();
            assertEquals("No measurements to fit: tick a device with stored measurements.",
                    fresh.errorProperty().get());
        }
    }

    @Test
    void theDeviceWithTheMostRowsIsTickedFirstNotTheFirstName() {
        // a phone whose platform name sorts before edge-server, with a few rows
        List<LayerMeasurement> few = store.measurements().find(org.aodnn.db.repo.MeasurementFilter.parse(
                List.of("platform=edge-server", "target=cpu", "threads=1", "model=alexnet"))).stream()
                .map(m -> new LayerMeasurement(new MeasurementKey("android-a-phone", m.key().model(),
                        m.key().layerIndex(), "browser", 8, "wasm", "Chrome"), m.layerName(), m.geometry(),
                        m.latencyMs(), null, null, null, m.reps(), null, null, null, null)).toList();
        store.measurements().upsertAll(few);
        try {
            ModelFittingViewModel fresh = new ModelFittingViewModel(store, new CurrentThreadTaskExecutor());
            fresh.activate();
            assertEquals("android-a-phone", fresh.devices().get(0).name());
            assertEquals(List.of("edge-server"), ticked(fresh.devices()));
        } finally {
            store.dsl().deleteFrom(org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT)
                    .where(org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT.PLATFORM.eq("android-a-phone")).execute();
        }
    }

    @Test
    void severalDevicesAreFittedTogetherAndTicksSurviveAddingADevice() {
        // a second edge machine: the edge server's 1-thread cpu rows of three models, at another CPU frequency
        List<LayerMeasurement> second = store.measurements().find(org.aodnn.db.repo.MeasurementFilter.parse(
                List.of("platform=edge-server", "target=cpu", "threads=1"))).stream()
                .filter(m -> THREE_MODELS.contains(m.key().model()))
                .map(m -> new LayerMeasurement(new MeasurementKey("edge-server-2", m.key().model(), m.key().layerIndex(),
                        "cpu", 1, "", ""), m.layerName(), m.geometry(), 2 * m.latencyMs(), null, null, null, m.reps(),
                        1_200_000L, null, null, null)).toList();
        store.measurements().upsertAll(second);
        try {
            vm.reloadProfiles();
            assertEquals(List.of("edge-server"), ticked(vm.devices()), "the ticked device is kept");
            vm.selectBackends(List.of("cpu"));
            vm.selectModels(THREE_MODELS);
            int firstOnly = vm.selectedRows().size();

            vm.selectDevices(List.of("edge-server", "edge-server-2"));
            assertEquals(List.of("cpu", "gpu"), names(vm.backends()));
            assertEquals(List.of("cpu"), ticked(vm.backends()), "ticks made before survive adding a device");
            assertEquals(THREE_MODELS, ticked(vm.models()));
            assertEquals(firstOnly + second.size(), vm.selectedRows().size());
            assertTrue(vm.devicesSummaryProperty().get().contains("edge-server: cpu (threads 1/2/4/16), gpu; edge-server-2: cpu (threads 1)"),
                    vm.devicesSummaryProperty().get());

            vm.fit();
            assertEquals("", vm.errorProperty().get());
            FitOutcome outcome = vm.outcomeProperty().get();
            assertEquals(List.of("cpu"), outcome.document().platformNames(), "one platform across both devices");
            assertEquals(firstOnly + second.size(), outcome.rows().size());
            assertEquals("edge-server+edge-server-2-cpu-log", vm.saveNameProperty().get());

            vm.selectDevices(List.of());
            assertTrue(vm.backends().isEmpty());
            assertEquals("Tick at least one device.", vm.devicesSummaryProperty().get());
            assertFalse(vm.canFitBinding().get());
        } finally {
            store.dsl().deleteFrom(org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT)
                    .where(org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT.PLATFORM.eq("edge-server-2")).execute();
        }
    }
}
