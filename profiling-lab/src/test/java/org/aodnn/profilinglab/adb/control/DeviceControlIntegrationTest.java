package org.aodnn.profilinglab.adb.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeviceRestoreEntry;
import org.aodnn.db.repo.DeviceRestoreRepository;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.shell.DeviceShell;
import org.aodnn.profilinglab.adb.shell.ShellResult;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frequency, screen and charging controls on the virtual phone through the real adb server. */
class DeviceControlIntegrationTest {

    /** Passes commands through, and checks that every sysfs write has its restore record already stored. */
    private record RecordFirstShell(DeviceShell inner, DeviceRestoreRepository restores, List<String> writes)
            implements DeviceShell {
        @Override
        public String serial() {
            return inner.serial();
        }

        @Override
        public ShellResult run(String command) {
            int gt = command.indexOf(" > /sys/");
            if (gt >= 0) {
                String path = command.substring(gt + 3).replaceAll("'$", "");
                boolean recorded = restores.pending(serial()).stream()
                        .anyMatch(e -> e.setting().equals(RestorableSetting.sysfs(path)));
                writes.add(path + (recorded ? " recorded" : " NOT RECORDED"));
            }
            return inner.run(command);
        }
    }

    @Test
    void frequencyRoundTripScreenChargingAndReset(@TempDir Path tmp) throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(tmp.resolve("phone"), true);
             AdbDevice d = AdbDevice.open(bed.server, bed.serial);
             Store store = Store.open(tmp.resolve("db/x"), false)) {
            DeviceRestoreRepository restores = new DeviceRestoreRepository(store.dsl());
            List<String> writes = new ArrayList<>();
            DeviceControl control = new DeviceControl(new RecordFirstShell(d, restores, writes), store, "session-1");

            CpuPolicy before = control.readPolicy(7);
            assertEquals("schedutil", before.governor());
            CpuPolicy pinned = control.setFrequency(7, "performance", 1_420_800L, 1_420_800L);
            assertEquals("performance", pinned.governor());
            assertEquals(1_420_800L, pinned.scalingMinKhz());
            assertEquals(1_420_800L, pinned.scalingMaxKhz());
            assertEquals(1_420_800L, pinned.curFreqKhz());
            CpuPolicy userspace = control.setFrequency(4, "powersave", null, null);
            assertEquals(710_400L, userspace.curFreqKhz());
            assertTrue(writes.stream().allMatch(w -> w.endsWith(" recorded")), writes.toString());
            assertEquals(4, writes.size(), writes.toString());

            // Refused before anything is written: a frequency outside the table and an unknown governor.
            ControlException bad = assertThrows(ControlException.class,
                    () -> control.setFrequency(7, null, null, 1_000_000L));
            assertTrue(bad.getMessage().contains("cannot run at 1000000 kHz"), bad.getMessage());
            assertThrows(ControlException.class, () -> control.setFrequency(7, "ondemand", null, null));
            assertThrows(ControlException.class, () -> control.readPolicy(3));

            control.keepScreenOn(128);
            assertEquals(128, DeviceStateReader.read(d).brightness());
            assertEquals("/sys/class/power_supply/battery/input_suspend", control.pauseCharging());
            var state = DeviceStateReader.read(d);
            assertEquals("not-charging", state.battery().status());
            assertTrue(state.battery().currentMa() > 0, "with charging paused the battery discharges");

            List<DeviceRestoreEntry> pending = restores.pending(bed.serial);
            assertEquals(8, pending.size(), pending.toString());
            assertTrue(pending.stream().allMatch(e -> e.owner().equals("session-1")));

            // Another owner (device reset) puts everything back, newest first.
            List<String> restored = new DeviceControl(d, store, "cli").restoreAll();
            assertEquals(8, restored.size());
            assertTrue(restores.pending(bed.serial).isEmpty());
            CpuPolicy after = control.readPolicy(7);
            assertEquals("schedutil", after.governor());
            assertEquals(before.scalingMinKhz(), after.scalingMinKhz());
            assertEquals(before.scalingMaxKhz(), after.scalingMaxKhz());
            var back = DeviceStateReader.read(d);
            assertEquals(102, back.brightness());
            assertEquals("charging", back.battery().status());
            assertEquals("schedutil", back.policy(4).governor());
        }
    }

    @Test
    void withoutRootFrequencyControlIsRefusedAndNothingRecorded(@TempDir Path tmp) throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(tmp.resolve("phone"), false);
             AdbDevice d = AdbDevice.open(bed.server, bed.serial);
             Store store = Store.open(tmp.resolve("db/x"), false)) {
            DeviceControl control = new DeviceControl(d, store, "cli");
            ControlException e = assertThrows(ControlException.class,
                    () -> control.setFrequency(0, "performance", null, null));
            assertTrue(e.getMessage().contains("no root access"), e.getMessage());
            assertTrue(new DeviceRestoreRepository(store.dsl()).pending(bed.serial).isEmpty());
            assertEquals(null, control.pauseCharging());
            assertEquals("schedutil", control.readPolicy(0).governor());
        }
    }
}
