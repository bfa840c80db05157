package org.aodnn.profilinglab.adb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeviceInfo;
import org.aodnn.db.domain.DeviceSnapshotRow;
import org.aodnn.db.repo.DeviceRepository;
import org.aodnn.db.repo.DeviceSnapshotRepository;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.shell.DeviceShell;
import org.aodnn.profilinglab.adb.shell.ShellResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the virtual phone's whole state through the real adb server and stores it as a snapshot. */
class DeviceStateIntegrationTest {

    @Test
    void readsAndStoresTheVirtualPhone(@TempDir Path tmp) throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(tmp.resolve("phone"), true);
             AdbDevice d = AdbDevice.open(bed.server, bed.serial);
             Store store = Store.open(tmp.resolve("db/x"), false)) {
            List<Instant> commandsSent = new ArrayList<>();
            DeviceState s = DeviceStateReader.read(new DeviceShell() {
                @Override
                public String serial() {
                    return d.serial();
                }

                @Override
                public ShellResult run(String command) {
                    commandsSent.add(Instant.now());
                    return d.run(command);
                }
            });
            // stamped when the probe starts (the views order a control's read-back and live refreshes by it)
            assertFalse(s.takenAt().isAfter(commandsSent.get(0)), s.takenAt() + " after " + commandsSent.get(0));
            assertTrue(s.simulated());
            assertTrue(s.identity().model().contains("Virtual"));
            assertEquals("14", s.identity().androidVersion());
            assertEquals(8, s.coreCount());
            assertEquals(List.of(0, 4, 7), s.policies().stream().map(CpuPolicy::id).toList());
            assertEquals(List.of(4, 5, 6), s.policy(4).relatedCpus());
            assertEquals(List.of(0, 1, 2, 3), s.cpu().coresByKind().get("Cortex-A55"));
            assertEquals("Cortex-X1", s.cpu().cores().get(7).coreName());
            assertTrue(s.policy(7).availableGovernors().containsAll(List.of("schedutil", "performance", "powersave",
                    "userspace")));
            assertEquals(2_841_600L, s.fastestPolicy().cpuinfoMaxKhz());
            // The phone sits on USB power: the charger feeds the battery, so the net current flows into it.
            assertEquals("charging", s.battery().status());
            assertEquals("uA", s.current().unit());
            assertTrue(s.battery().currentMa() < 0, "charging current is negative in the discharge convention");
            assertTrue(s.battery().voltageMv() > 3000 && s.battery().voltageMv() < 4500);
            assertTrue(s.battery().technology().contains("simulated"));
            assertEquals(5, s.thermal().size());
            assertTrue(s.thermal().get(0).type().contains("simulated"));
            assertTrue(s.screen().on());
            assertEquals(102, s.brightness());
            assertEquals("su 0", s.root());
            assertEquals(List.of("com.android.chrome", "com.google.android.webview"),
                    s.browsers().stream().map(BrowserInfo::packageName).toList());
            assertTrue(s.browsers().get(0).version().matches("\\d+\\.\\d+.*"), s.browsers().get(0).version());

            new DeviceSnapshots(store).store(s);
            new DeviceSnapshots(store).store(DeviceStateReader.read(d));
            DeviceInfo info = new DeviceRepository(store.dsl()).find(bed.serial).orElseThrow();
            assertTrue(info.simulated());
            assertEquals(8, info.cores());
            assertEquals(Boolean.TRUE, info.rooted());
            List<DeviceSnapshotRow> snaps = new DeviceSnapshotRepository(store.dsl()).list(bed.serial);
            assertEquals(2, snaps.size());
            DeviceSnapshotRow last = snaps.get(1);
            assertEquals("schedutil", last.governor());
            assertEquals(2_841_600L, last.maxFreqKhz());
            assertNotNull(last.batteryCurrentMa());
            assertTrue(last.cpuJson().contains("\"policies\""));
            assertTrue(last.browsersJson().contains("com.android.chrome"));
        }
    }
}
