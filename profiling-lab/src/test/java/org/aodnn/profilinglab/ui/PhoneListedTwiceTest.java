package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.aodnn.db.Store;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual phone on a port of the adb server's emulator scan, started before the (real) adb server and then
 * connected to it: the server lists it twice, as {@code emulator-N} and {@code 127.0.0.1:N+1}; the Phones tab
 * and the targets offer it once, under the address it was connected with.
 */
class PhoneListedTwiceTest {

    @TempDir
    Path dir;

    @Test
    void aPhoneTheServerListsTwiceIsOfferedOnce() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        try (VirtualPhone phone = AdbTestBed.phoneInTheEmulatorScan(dir.resolve("phone"));
             AdbTestBed bed = AdbTestBed.serverOnly(); // started after the phone: its scan finds it
             Store store = Store.open(dir.resolve("lab"))) {
            String connected = phone.adbSerial();
            String scanned = "emulator-" + (phone.port() - 1);
            bed.server.connectDevice(connected);
            bed.awaitState(connected, AdbDeviceEntry.ONLINE, Duration.ofSeconds(15));
            bed.awaitState(scanned, AdbDeviceEntry.ONLINE, Duration.ofSeconds(15));

            ProfilingLabViewModel viewModel = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            viewModel.activate();
            executor.await(() -> viewModel.phones().devices().stream()
                    .filter(d -> d.serial().equals(connected) && !d.governor().isEmpty()).findFirst());
            // both are read on every refresh: wait until the scan's entry was read too, then look again
            executor.await(() -> viewModel.phones().states().containsKey(scanned) ? Optional.of(true) : Optional.empty());
            executor.drain();

            assertEquals(1, viewModel.phones().devices().stream()
                    .filter(d -> d.serial().equals(connected) || d.serial().equals(scanned)).count(),
                    viewModel.phones().devices().toString());
            assertTrue(viewModel.targets().contains("adb:" + connected), viewModel.targets().toString());
            assertFalse(viewModel.targets().contains("adb:" + scanned), viewModel.targets().toString());
            String status = viewModel.phones().statusProperty().get();
            assertTrue(status.contains(scanned + " is " + connected), status);
            viewModel.deactivate();
        }
    }
}
