package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeviceRestoreEntry;
import org.aodnn.db.repo.DeviceRestoreRepository;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.control.RestorableSetting;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Phones tab's controls with the real adb server and the virtual phone: the selected phone's policies,
 * a governor and maximum set on policy 0 and read back (and recorded in {@code device_restore} first),
 * the screen kept on, charging paused, then "Reset device" brings the originals back; an unrooted phone gets
 * the clear refusal and nothing is recorded.
 */
class PhoneControlsViewModelTest {

    private static final String POLICY0 = "/sys/devices/system/cpu/cpufreq/policy0";

    @TempDir
    Path dir;

    @Test
    void setFrequencyScreenAndChargingThenResetDevice() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            ProfilingLabViewModel lab = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            PhoneControlsViewModel controls = lab.phoneControls();
            DeviceRestoreRepository restores = new DeviceRestoreRepository(store.dsl());
            lab.activate();
            select(executor, lab, controls, bed.serial);

            assertTrue(controls.rootedProperty().get());
            assertTrue(controls.deviceProperty().get().contains("(simulated)"), controls.deviceProperty().get());
            assertEquals(List.of(0, 4, 7), controls.policies().stream().map(CpuPolicy::id).toList());
            CpuPolicy original = controls.policies().get(0);
            assertEquals(List.of(0, 1, 2, 3), original.relatedCpus());
            assertEquals("schedutil", original.governor());
            assertEquals(0, controls.selectedPolicyIdProperty().get(), "the first policy is edited at first");
            assertEquals(original.availableGovernors(), controls.governorChoices());
            assertTrue(controls.governorChoices().contains("performance"), controls.governorChoices().toString());
            assertEquals(original.availableFreqsKhz(), controls.frequencyChoices());
            assertEquals("schedutil", controls.governorProperty().get());
            assertEquals(original.scalingMinKhz(), controls.minKhzProperty().get());
            assertEquals(original.scalingMaxKhz(), controls.maxKhzProperty().get());
            long hwMax = original.availableFreqsKhz().get(original.availableFreqsKhz().size() - 1);
            assertEquals(hwMax, original.scalingMaxKhz());
            long lowerMax = 1_248_000L;
            assertTrue(controls.frequencyChoices().contains(lowerMax));

            // Governor performance with a lower maximum on policy 0: the read-back is shown and the clock follows.
            controls.governorProperty().set("performance");
            controls.maxKhzProperty().set(lowerMax);
            controls.applyFrequency();
            settle(executor, controls);
            assertFalse(controls.statusIsErrorProperty().get(), controls.statusProperty().get());
            assertEquals("policy0 of " + bed.serial + " reads back governor performance, min 300 MHz, max 1248 MHz,"
                    + " now 1248 MHz (originals recorded; 'Reset device' puts them back)", controls.statusProperty().get());
            CpuPolicy set = controls.policies().get(0);
            assertEquals("performance", set.governor());
            assertEquals(lowerMax, set.scalingMaxKhz());
            assertEquals(lowerMax, set.curFreqKhz());
            assertEquals("performance", controls.governorProperty().get());
            assertEquals(lowerMax, controls.maxKhzProperty().get());
            DeviceState shown = lab.phones().states().get(bed.serial);
            assertEquals("performance", shown.policy(0).governor(), "the phone list has the fresh state at once");
            assertEquals(Map.of(RestorableSetting.sysfs(POLICY0 + "/scaling_governor"), "schedutil",
                            RestorableSetting.sysfs(POLICY0 + "/scaling_max_freq"), String.valueOf(hwMax)),
                    recorded(restores, bed.serial));
            assertTrue(restores.pending(bed.serial).stream().allMatch(e -> e.owner().equals(PhoneChanges.OWNER)));

            // Nothing changed in the choices: said so, nothing written.
            controls.applyFrequency();
            assertTrue(controls.statusIsErrorProperty().get());
            assertTrue(controls.statusProperty().get().contains("nothing to change"), controls.statusProperty().get());

            controls.brightnessProperty().set(200);
            controls.keepScreenOn();
            settle(executor, controls);
            assertFalse(controls.statusIsErrorProperty().get(), controls.statusProperty().get());
            assertEquals("screen of " + bed.serial + " is on and kept on, brightness reads back 200 (originals recorded;"
                    + " 'Reset device' puts them back)", controls.statusProperty().get());
            assertEquals(200, lab.phones().states().get(bed.serial).brightness());

            controls.pauseCharging();
            settle(executor, controls);
            assertFalse(controls.statusIsErrorProperty().get(), controls.statusProperty().get());
            assertTrue(controls.statusProperty().get().startsWith("charging of " + bed.serial
                    + " paused through /sys/class/power_supply/battery/input_suspend (battery now not-charging"),
                    controls.statusProperty().get());
            assertEquals("not-charging", lab.phones().states().get(bed.serial).battery().status());
            assertEquals(Map.of(RestorableSetting.sysfs(POLICY0 + "/scaling_governor"), "schedutil",
                            RestorableSetting.sysfs(POLICY0 + "/scaling_max_freq"), String.valueOf(hwMax),
                            RestorableSetting.settings("system", "screen_brightness_mode"), "1",
                            RestorableSetting.settings("system", "screen_brightness"), "102",
                            RestorableSetting.settings("global", "stay_on_while_plugged_in"), "0",
                            RestorableSetting.sysfs("/sys/class/power_supply/battery/input_suspend"), "0"),
                    recorded(restores, bed.serial), "every change recorded before it was made");

            // resuming charging puts back only the charging switch; the other changes stay recorded
            controls.resumeCharging();
            settle(executor, controls);
            assertFalse(controls.statusIsErrorProperty().get(), controls.statusProperty().get());
            assertTrue(controls.statusProperty().get().startsWith("charging of " + bed.serial + " resumed: "
                    + RestorableSetting.sysfs("/sys/class/power_supply/battery/input_suspend") + " = 0"),
                    controls.statusProperty().get());
            assertEquals("charging", lab.phones().states().get(bed.serial).battery().status());
            assertFalse(recorded(restores, bed.serial).containsKey(
                    RestorableSetting.sysfs("/sys/class/power_supply/battery/input_suspend")));
            assertEquals(5, recorded(restores, bed.serial).size());
            controls.resumeCharging();
            settle(executor, controls);
            assertTrue(controls.statusIsErrorProperty().get(), "nothing paused: said, not silently done");

            controls.resetDevice();
            settle(executor, controls);
            assertFalse(controls.statusIsErrorProperty().get(), controls.statusProperty().get());
            assertTrue(controls.statusProperty().get().startsWith(bed.serial + ": restored "), controls.statusProperty().get());
            assertTrue(controls.statusProperty().get().contains(POLICY0 + "/scaling_governor = schedutil"),
                    controls.statusProperty().get());
            assertTrue(restores.pending(bed.serial).isEmpty(), "every original is back");
            CpuPolicy back = controls.policies().get(0);
            assertEquals("schedutil", back.governor());
            assertEquals(original.scalingMinKhz(), back.scalingMinKhz());
            assertEquals(hwMax, back.scalingMaxKhz());
            assertEquals("schedutil", controls.governorProperty().get());
            assertEquals(hwMax, controls.maxKhzProperty().get());
            DeviceState reset = lab.phones().states().get(bed.serial);
            assertEquals(102, reset.brightness());
            assertEquals("charging", reset.battery().status());

            controls.resetDevice();
            settle(executor, controls);
            assertEquals(bed.serial + ": nothing to restore", controls.statusProperty().get());

            // The phone leaving the list ends its selection.
            lab.deactivate();
            executor.drain();
            assertEquals(null, controls.selectedSerialProperty().get());
            assertTrue(controls.policies().isEmpty());
            assertFalse(controls.canControlProperty().get());
        }
    }

    @Test
    void anUnrootedPhoneGetsTheRefusalAndNothingIsRecorded() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), false);
             Store store = Store.open(dir.resolve("lab"))) {
            ProfilingLabViewModel lab = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            PhoneControlsViewModel controls = lab.phoneControls();
            DeviceRestoreRepository restores = new DeviceRestoreRepository(store.dsl());
            lab.activate();
            select(executor, lab, controls, bed.serial);
            assertFalse(controls.rootedProperty().get());
            assertTrue(controls.deviceProperty().get().contains("no root"), controls.deviceProperty().get());

            controls.governorProperty().set("performance");
            controls.applyFrequency();
            settle(executor, controls);
            assertTrue(controls.statusIsErrorProperty().get());
            String refusal = controls.statusProperty().get();
            assertTrue(refusal.startsWith("device " + bed.serial + " has no root access"), refusal);
            assertTrue(refusal.endsWith("changing CPU frequencies needs a rooted phone or a userdebug build;"
                    + " nothing was changed"), refusal);
            assertTrue(restores.pending(bed.serial).isEmpty());
            assertEquals("schedutil", controls.policies().get(0).governor(), "the policy as the phone has it");
            assertEquals("schedutil", controls.governorProperty().get(), "the choice is reset to what the phone has");

            controls.pauseCharging();
            settle(executor, controls);
            assertTrue(controls.statusIsErrorProperty().get());
            assertTrue(controls.statusProperty().get().contains("has no root access: pausing charging needs a rooted"
                    + " phone"), controls.statusProperty().get());
            assertTrue(restores.pending(bed.serial).isEmpty());

            // While the lab profiles this phone its controls are locked (its session sets the clocks itself).
            SimpleStringProperty profiling = new SimpleStringProperty("local-chromium");
            PhoneControlsViewModel locked = new PhoneControlsViewModel(store, executor, bed.server.address(),
                    lab.phones(), profiling);
            locked.selectedSerialProperty().set(bed.serial);
            executor.await(() -> locked.loadedProperty().get() ? Optional.of(true) : Optional.empty());
            assertTrue(locked.canControlProperty().get(), "another target's session does not lock this phone");
            profiling.set("adb:" + bed.serial);
            assertTrue(locked.profiledProperty().get());
            assertFalse(locked.canControlProperty().get());
            assertFalse(locked.canSetFrequencyProperty().get());
            locked.keepScreenOn();
            assertFalse(locked.busyProperty().get(), "nothing started while locked");
            assertEquals("", locked.statusProperty().get());
            profiling.set(null);
            assertTrue(locked.canControlProperty().get());
            lab.deactivate();
            executor.drain();
        }
    }

    @Test
    void reloadReadsThePhoneAgainUnlessTheLabProfilesIt() throws Exception {
        QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            ProfilingLabViewModel lab = new ProfilingLabViewModel(store, executor, null, bed.server.address());
            SimpleStringProperty profiling = new SimpleStringProperty();
            PhoneControlsViewModel controls = new PhoneControlsViewModel(store, executor, bed.server.address(),
                    lab.phones(), profiling);
            lab.activate();
            select(executor, lab, controls, bed.serial);
            assertEquals("", controls.statusProperty().get(), "the first read says nothing");
            controls.governorProperty().set("powersave"); // chosen, not applied

            controls.reload();
            assertTrue(controls.busyProperty().get());
            assertEquals("Reading the state of " + bed.serial + " …", controls.statusProperty().get());
            settle(executor, controls);
            assertFalse(controls.statusIsErrorProperty().get());
            assertEquals("State of " + bed.serial + " read", controls.statusProperty().get());
            assertEquals("schedutil", controls.governorProperty().get(), "the choices show what the phone has");

            profiling.set("adb:" + bed.serial);
            controls.reload();
            assertFalse(controls.busyProperty().get(), "a phone being profiled is not read from here");
            assertEquals("State of " + bed.serial + " read", controls.statusProperty().get());
            lab.deactivate();
            executor.drain();
        }
    }

    /** Selects the phone once the live list shows it, and waits until its state was read for the controls. */
    private static void select(QueuedUiExecutor executor, ProfilingLabViewModel lab, PhoneControlsViewModel controls,
                               String serial) throws InterruptedException {
        executor.await(() -> lab.phones().devices().stream().filter(d -> d.serial().equals(serial) && d.usable())
                .findFirst());
        assertFalse(controls.loadedProperty().get());
        controls.selectedSerialProperty().set(serial);
        executor.await(() -> controls.loadedProperty().get() ? Optional.of(true) : Optional.empty());
        assertNotNull(controls.deviceProperty().get());
    }

    /** The queued executor ran the task already; its outcome (and live updates before it) wait in the queue. */
    private static void settle(QueuedUiExecutor executor, PhoneControlsViewModel controls) throws InterruptedException {
        executor.drain();
        executor.await(() -> controls.busyProperty().get() ? Optional.empty() : Optional.of(true));
    }

    private static Map<String, String> recorded(DeviceRestoreRepository restores, String serial) {
        return restores.pending(serial).stream()
                .collect(Collectors.toMap(DeviceRestoreEntry::setting, DeviceRestoreEntry::originalValue));
    }
}
