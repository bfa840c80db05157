package org.aodnn.profilinglab.ui;

import static org.aodnn.profilinglab.ui.FrequencyChange.mhz;

import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;
import org.aodnn.profilinglab.ui.PhoneActionRunner.Outcome;

/**
 * What each control does to an open phone, and how its result is said; these run in the background. Changes go
 * through {@link DeviceControl} as the console ({@link #OWNER}): every original is recorded in
 * {@code device_restore} before it is written and every written value is read back, so a value the phone
 * ignored fails instead of passing for done. Each action ends by reading the phone's whole state, which the
 * controls and the phone list then show.
 */
final class PhoneChanges {

    /** Owner of the restore records of changes made here; like {@code cli}, they last until "Reset device". */
    static final String OWNER = "console";

    private final Store store;

    PhoneChanges(Store store) {
        this.store = store;
    }

    /** Only reads the phone; {@code message} is what the status line says then (empty for nothing). */
    Outcome readState(AdbDevice d, String message) {
        return new Outcome(message, DeviceStateReader.read(d));
    }

    /** Writes the change and says what the policy reads back, the clock it runs at included. */
    Outcome setFrequency(AdbDevice d, String serial, FrequencyChange change) {
        int id = change.policyId();
        CpuPolicy back = control(d).setFrequency(id, change.governor(), change.minKhz(), change.maxKhz());
        return new Outcome("policy" + id + " of " + serial + " reads back governor " + back.governor() + ", min "
                + mhz(back.scalingMinKhz()) + ", max " + mhz(back.scalingMaxKhz()) + ", now "
                + mhz(back.curFreqKhz()) + " (originals recorded; 'Reset device' puts them back)",
                DeviceStateReader.read(d));
    }

    /** Screen on, kept on while plugged in, at the manual brightness {@code level}. */
    Outcome keepScreenOn(AdbDevice d, String serial, int level) {
        control(d).keepScreenOn(level);
        DeviceState state = DeviceStateReader.read(d);
        return new Outcome("screen of " + serial + " is " + screenWord(state) + " and kept on, brightness reads back "
                + state.brightness() + " (originals recorded; 'Reset device' puts them back)", state);
    }

    /**
     * Stops charging through the phone's charging switch, so energy readings exclude the charger. A phone without
     * root or without a known switch is left as it is, and that is said as a refusal.
     */
    Outcome pauseCharging(AdbDevice d, String serial) {
        DeviceControl control = control(d);
        String sw = control.pauseCharging();
        DeviceState state = DeviceStateReader.read(d);
        if (sw == null) {
            return new Outcome(control.root() == null
                    ? "device " + serial + " has no root access: pausing charging needs a rooted phone or a"
                    + " userdebug build; nothing was changed (energy readings include the charger)"
                    : "device " + serial + " has none of the known charging switches; nothing was changed"
                    + " (energy readings include the charger)", state, true);
        }
        return new Outcome("charging of " + serial + " paused through " + sw + " (battery now "
                + (state.battery() == null ? "unknown" : state.battery().status())
                + "; 'Resume charging' or 'Reset device' resumes it)", state);
    }

    /** Puts the charging switch back as it was before a pause; the other recorded changes stay. */
    Outcome resumeCharging(AdbDevice d, String serial) {
        List<String> restored = control(d).resumeCharging();
        DeviceState state = DeviceStateReader.read(d);
        String battery = state.battery() == null ? "unknown" : state.battery().status();
        return restored.isEmpty()
                ? new Outcome("charging of " + serial + " was not paused by the Workbench; nothing to resume (battery "
                        + battery + ")", state, true)
                : new Outcome("charging of " + serial + " resumed: " + String.join(", ", restored) + " (battery now "
                        + battery + ")", state);
    }

    /** Applies every recorded original of the phone, whoever recorded it, newest first ({@code aodnn device reset}). */
    Outcome resetDevice(AdbDevice d, String serial) {
        List<String> restored = control(d).restoreAll();
        return new Outcome(restored.isEmpty() ? serial + ": nothing to restore"
                : serial + ": restored " + String.join(", ", restored), DeviceStateReader.read(d));
    }

    private DeviceControl control(AdbDevice d) {
        return new DeviceControl(d, store, OWNER);
    }

    private static String screenWord(DeviceState state) {
        return state.screen() == null || state.screen().on() == null ? "in an unknown state"
                : state.screen().on() ? "on" : "off";
    }
}
