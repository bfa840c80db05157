package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual phone goes away (its adbd stops) while a session profiles on it, with the real adb server: the
 * session ends interrupted with words that agree with its counts and no "null"; the Target keeps naming the
 * phone, marked disconnected, and Start waits until the phone is back.
 */
class PhoneDisconnectMidSessionTest {

    @TempDir
    Path dir;

    @Test
    void aPhoneThatVanishesMidSessionIsShownDisconnectedUntilItIsBack() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        VirtualPhone again = null;
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            String target = "adb:" + bed.serial;
            ProfilingLabViewModel viewModel = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            viewModel.activate();
            executor.await(() -> viewModel.targets().contains(target) ? Optional.of(true) : Optional.empty());
            viewModel.selectedTargetProperty().set(target);
            viewModel.selectedModels().setAll("mobilenet_v3_small");
            viewModel.layerRangeProperty().set("0-60");
            viewModel.cpuProperty().set(false);
            viewModel.wasmProperty().set(true);
            viewModel.warmupRunsProperty().set(1);
            viewModel.timedRunsProperty().set(2);
            viewModel.minTimeMsProperty().set(60);
            // the phone is unplugged once the first row is stored (the session runs on this thread)
            Thread unplug = new Thread(() -> {
                ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
                long end = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < end
                        && sessions.list().stream().noneMatch(s -> s.layersMeasured() >= 1)) {
                    sleep(50);
                }
                bed.phone.close();
            }, "unplug-the-phone");
            unplug.start();

            viewModel.start();
            executor.await(() -> !viewModel.runningProperty().get() && viewModel.messageProperty().get().startsWith("Session")
                    ? Optional.of(true) : Optional.empty());
            unplug.join();
            executor.drain();

            String message = viewModel.messageDetailProperty().get();
            assertTrue(message.contains("was interrupted"), message);
            assertFalse(message.contains("null"), message);
            ProfilingSessionInfo stored = viewModel.sessions().get(0);
            assertEquals(ProfilingStatus.INTERRUPTED, stored.status());
            int rows = store.measurements().findBySession(stored.id()).size();
            assertTrue(rows >= 1 && rows < 61, "rows kept: " + rows);
            Matcher kept = Pattern.compile("the (\\d+) layer rows measured before are kept").matcher(message);
            Matcher after = Pattern.compile("after (\\d+) of 61 layer results").matcher(message);
            assertTrue(kept.find() && after.find(), message);
            assertEquals(rows, Integer.parseInt(kept.group(1)), message);
            assertEquals(rows, Integer.parseInt(after.group(1)), message);
            assertEquals(rows, viewModel.layersDoneProperty().get(), "the progress counts what the message says");
            assertEquals(61, viewModel.layersPlannedProperty().get());

            executor.await(() -> viewModel.targetProblemProperty().get().contains("disconnected")
                    ? Optional.of(true) : Optional.empty());
            assertEquals(target, viewModel.selectedTargetProperty().get());
            assertEquals(target + " (disconnected)", viewModel.targetLabel(target), "the Target box says so");
            assertFalse(viewModel.canStartProperty().get());

            again = VirtualPhone.start(bed.phone.port(), dir.resolve("phone"), true);
            bed.server.connectDevice(bed.serial);
            executor.await(() -> viewModel.targetProblemProperty().get().isEmpty() ? Optional.of(true) : Optional.empty());
            assertEquals(target, viewModel.targetLabel(target));
            assertTrue(viewModel.canStartProperty().get(), "back: Start is enabled again");
            viewModel.deactivate();
        } finally {
            if (again != null) {
                again.close();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
