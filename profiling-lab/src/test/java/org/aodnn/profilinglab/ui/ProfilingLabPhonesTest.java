package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.Store;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's phones with the real adb server and the virtual phone: the phone appears with its live
 * state (labelled simulated) and becomes a target; hiding the workspace stops the polling; a phone that
 * goes away leaves the list and the targets.
 */
class ProfilingLabPhonesTest {

    @TempDir
    Path dir;

    @Test
    void phonesAppearWithTheirLiveStateOnlyWhileShown() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            ProfilingLabViewModel viewModel = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            viewModel.activate();
            String serial = bed.serial;

            DeviceRow row = executor.await(() -> viewModel.phones().devices().stream()
                    .filter(d -> d.serial().equals(serial) && !d.governor().isEmpty()).findFirst());
            assertTrue(row.simulated(), row.toString());
            assertTrue(row.model().endsWith("(simulated)"), row.model());
            assertTrue(List.of("schedutil", "performance", "powersave", "userspace").contains(row.governor()), row.governor());
            assertTrue(row.frequencies().matches("\\d+ of \\d+-\\d+ MHz \\(policy\\d+\\) \\(simulated\\)"), row.frequencies());
            assertTrue(row.battery().matches("\\d+ %.* \\(simulated\\)"), row.battery());
            assertTrue(row.temperature().matches("\\d+\\.\\d °C \\(simulated\\)"), row.temperature());
            assertEquals("", row.problem());
            assertEquals(List.of("local-chromium", "adb:" + serial), viewModel.targets());

            viewModel.selectedModels().setAll("mobilenet_v3_small");
            viewModel.selectedTargetProperty().set("adb:" + serial);
            assertTrue(viewModel.canStartProperty().get());
            viewModel.deactivate();
            executor.drain();
            assertTrue(viewModel.phones().devices().isEmpty(), "no stale state while hidden");
            assertEquals("adb:" + serial, viewModel.selectedTargetProperty().get(), "the choice survives hiding");
            Thread.sleep(2 * PhonesViewModel.REFRESH.toMillis());
            executor.drain();
            assertTrue(viewModel.phones().devices().isEmpty(), "not polled while hidden");

            viewModel.activate();
            executor.await(() -> viewModel.phones().listingProperty().get() != null
                    && viewModel.phones().listingProperty().get().containsKey(serial) ? Optional.of(true) : Optional.empty());
            assertEquals("adb:" + serial, viewModel.selectedTargetProperty().get(), "still the phone once shown again");
            assertEquals("", viewModel.targetProblemProperty().get());
            assertTrue(viewModel.canStartProperty().get());

            bed.phone.close();
            executor.await(() -> viewModel.targetProblemProperty().get().contains("disconnected")
                    ? Optional.of(true) : Optional.empty());
            assertEquals("adb:" + serial, viewModel.selectedTargetProperty().get(), "a gone phone is not replaced");
            assertEquals("adb:" + serial + " (disconnected)", viewModel.targetLabel("adb:" + serial));
            assertFalse(viewModel.canStartProperty().get(), "no Start on a phone that is not there");
            executor.await(() -> viewModel.phones().devices().stream().noneMatch(d -> d.serial().equals(serial) && d.usable())
                    ? Optional.of(true) : Optional.empty());
            assertEquals(List.of("local-chromium", "adb:" + serial), viewModel.targets(), "offered only as the choice");
            viewModel.deactivate();
        }
    }

    @Test
    void aPhoneSessionShowsEnergyNextToLatency() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            ProfilingLabViewModel viewModel = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            viewModel.activate();
            executor.await(() -> viewModel.targets().contains("adb:" + bed.serial) ? Optional.of(true) : Optional.empty());
            viewModel.selectedTargetProperty().set("adb:" + bed.serial);
            viewModel.selectedModels().setAll("mobilenet_v3_small");
            viewModel.layerRangeProperty().set("0-2");
            viewModel.cpuProperty().set(false);
            viewModel.wasmProperty().set(true);
            viewModel.warmupRunsProperty().set(1);
            viewModel.timedRunsProperty().set(2);
            viewModel.minTimeMsProperty().set(60);

            viewModel.start(); // the task runs at once here; the rows' UI updates wait in the queue
            executor.drain();
            viewModel.deactivate();
            executor.drain();

            assertFalse(viewModel.messageIsErrorProperty().get(), viewModel.messageProperty().get());
            String message = viewModel.messageProperty().get();
            assertTrue(message.contains("completed: 3 layer rows stored"), message);
            assertTrue(message.contains("energy attributed to 3 of 3 layers (simulated battery)"), message);
            assertEquals(3, viewModel.results().size());
            for (ResultRow r : viewModel.results()) {
                assertEquals("wasm", r.backend());
                assertTrue(r.medianMs() > 0, r.toString());
                assertTrue(r.energyMj() != null, "energy next to latency: " + r);
                assertTrue(r.throttled() != null, r.toString());
            }
            assertEquals("adb:" + bed.serial, viewModel.sessions().get(0).target());
        }
    }
}
