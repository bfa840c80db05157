package org.aodnn.profilinglab.adb.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeviceRestoreEntry;
import org.aodnn.db.repo.DeviceRestoreRepository;
import org.aodnn.profilinglab.adb.shell.DeviceShell;
import org.aodnn.profilinglab.adb.shell.ShellQuoting;
import org.aodnn.profilinglab.adb.shell.ShellResult;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.CpufreqParser;
import org.aodnn.profilinglab.adb.state.ProbeSections;
import org.aodnn.profilinglab.adb.state.RootAccess;
import org.aodnn.profilinglab.adb.state.ScreenStateParser;

/**
 * Changes a phone for measurement and puts it back. Every change follows the same steps: read the current
 * value, record it in {@code device_restore} (committed before anything is written, so a crash still leaves
 * the undo on record), write the new value, and read it back — a value the device silently ignored or
 * adjusted is an error, not a success. {@link #restoreAll()} applies the recorded originals, newest first,
 * and deletes each record only once its value is back.
 */
public final class DeviceControl {

    /** Battery sysfs nodes that stop charging, with the value that pauses and the one that resumes, by vendor. */
    static final List<String[]> CHARGING_SWITCHES = List.of(
            new String[] {"/sys/class/power_supply/battery/input_suspend", "1", "0"},
            new String[] {"/sys/class/power_supply/battery/charging_enabled", "0", "1"},
            new String[] {"/sys/class/power_supply/battery/battery_charging_enabled", "0", "1"},
            new String[] {"/sys/class/power_supply/battery/store_mode", "1", "0"},
            new String[] {"/sys/class/power_supply/battery/charge_disable", "1", "0"});

    private final DeviceShell shell;
    private final DeviceRestoreRepository restores;
    private final String owner;
    private RootAccess root;
    private boolean rootProbed;

    public DeviceControl(DeviceShell shell, Store store, String owner) {
        this.shell = shell;
        this.restores = new DeviceRestoreRepository(store.dsl());
        this.owner = owner;
    }

    /** How this device gives root, probed once; null without root. */
    public RootAccess root() {
        if (!rootProbed) {
            root = RootAccess.detect(ProbeSections.split(shell.run(RootAccess.PROBE).stdout()));
            rootProbed = true;
        }
        return root;
    }

    private RootAccess requireRoot(String what) {
        RootAccess r = root();
        if (r == null) {
            throw new ControlException("device " + shell.serial() + " has no root access (tried 'adb root', 'su 0' and"
                    + " 'su -c'): " + what + " needs a rooted phone or a userdebug build; nothing was changed");
        }
        return r;
    }

    // ---- CPU frequency ----

    /** The policy as the device reports it now. */
    public CpuPolicy readPolicy(int policyId) {
        String dir = CpufreqParser.POLICY_ROOT + "/policy" + policyId;
        ShellResult r = shell.run("grep . " + dir + "/*");
        List<CpuPolicy> p = CpufreqParser.parse(r.stdout());
        if (p.isEmpty()) {
            throw new ControlException("device " + shell.serial() + " has no cpufreq policy" + policyId + " (" + dir
                    + " is missing or unreadable)");
        }
        return p.get(0);
    }

    /**
     * Sets the governor and/or the scaling limits of one policy (null = leave as is). Values are checked against
     * what the policy offers before anything is written.
     */
    public CpuPolicy setFrequency(int policyId, String governor, Long minKhz, Long maxKhz) {
        if (governor == null && minKhz == null && maxKhz == null) {
            throw new ControlException("nothing to change: give a governor, a minimum or a maximum frequency");
        }
        RootAccess r = requireRoot("changing CPU frequencies");
        CpuPolicy p = readPolicy(policyId);
        if (governor != null && !p.availableGovernors().contains(governor)) {
            throw new ControlException("policy" + policyId + " of " + shell.serial() + " has no governor '" + governor
                    + "'; available: " + String.join(", ", p.availableGovernors()));
        }
        for (Long f : new Long[] {minKhz, maxKhz}) {
            if (f != null && !p.supportsFrequency(f)) {
                throw new ControlException("policy" + policyId + " of " + shell.serial() + " cannot run at " + f
                        + " kHz; available: " + p.availableFreqsKhz());
            }
        }
        if (minKhz != null && maxKhz != null && minKhz > maxKhz) {
            throw new ControlException("minimum " + minKhz + " kHz is above maximum " + maxKhz + " kHz");
        }
        String dir = p.sysfsDir();
        if (governor != null) {
            write(r, dir + "/scaling_governor", p.governor(), governor);
        }
        // Order matters: the kernel clamps min to max, so raise max before min and lower min before max.
        boolean maxFirst = minKhz != null && p.scalingMaxKhz() != null && minKhz > p.scalingMaxKhz();
        if (maxFirst) {
            writeLimit(r, dir + "/scaling_max_freq", p.scalingMaxKhz(), maxKhz);
            writeLimit(r, dir + "/scaling_min_freq", p.scalingMinKhz(), minKhz);
        } else {
            writeLimit(r, dir + "/scaling_min_freq", p.scalingMinKhz(), minKhz);
            writeLimit(r, dir + "/scaling_max_freq", p.scalingMaxKhz(), maxKhz);
        }
        return readPolicy(policyId);
    }

    private void writeLimit(RootAccess r, String path, Long current, Long value) {
        if (value != null) {
            write(r, path, current == null ? null : String.valueOf(current), String.valueOf(value));
        }
    }

    /** Records the original, writes as root, reads back. */
    private void write(RootAccess r, String path, String original, String value) {
        String before = original != null ? original : readFile(path);
        restores.record(shell.serial(), RestorableSetting.sysfs(path), before, owner);
        writeSysfs(r, path, value);
    }

    private void writeSysfs(RootAccess r, String path, String value) {
        String cmd = r.wrap("echo " + ShellQuoting.quote(value) + " > " + path);
        ShellResult res = shell.run(cmd);
        String back = readFile(path);
        if (!res.ok() || !value.equals(back)) {
            throw new ControlException("writing '" + value + "' to " + path + " on " + shell.serial() + " did not take"
                    + " effect (reads back '" + back + "'" + (res.stderr().isBlank() ? "" : ", " + res.stderr().strip())
                    + "); the original is recorded and 'aodnn device reset " + shell.serial() + "' puts it back");
        }
    }

    private String readFile(String path) {
        ShellResult r = shell.run("cat " + path);
        if (!r.ok()) {
            throw new ControlException("cannot read " + path + " on " + shell.serial() + ": " + r.stderr().strip());
        }
        return r.stdout().strip();
    }

    // ---- screen ----

    /** Screen on and kept on while plugged in, at a fixed manual brightness (0..255). */
    public void keepScreenOn(int brightness) {
        if (brightness < 0 || brightness > 255) {
            throw new ControlException("brightness " + brightness + " is outside 0..255");
        }
        setSetting("system", "screen_brightness_mode", "0");
        setSetting("system", "screen_brightness", String.valueOf(brightness));
        setSetting("global", "stay_on_while_plugged_in", "7");
        shell.run("input keyevent KEYCODE_WAKEUP");
        Boolean on = ScreenStateParser.parse(shell.run(ScreenStateParser.COMMAND)
                .stdout()).on();
        if (!Boolean.TRUE.equals(on)) {
            throw new ControlException("the screen of " + shell.serial() + " did not turn on after KEYCODE_WAKEUP"
                    + " (unlock the phone or disable its lock screen)");
        }
    }

    private String getSetting(String ns, String key) {
        String v = shell.run("settings get " + ns + " " + key).requireOk("settings get " + ns + " " + key).strip();
        return v.equals("null") ? null : v;
    }

    private void setSetting(String ns, String key, String value) {
        String before = getSetting(ns, key);
        restores.record(shell.serial(), RestorableSetting.settings(ns, key), before, owner);
        shell.run("settings put " + ns + " " + key + " " + ShellQuoting.quote(value))
                .requireOk("settings put " + ns + " " + key);
        String back = getSetting(ns, key);
        if (!value.equals(back)) {
            throw new ControlException("setting " + ns + "/" + key + " on " + shell.serial() + " reads back '" + back
                    + "' after writing '" + value + "'");
        }
    }

    // ---- charging ----

    /**
     * Stops charging through the first vendor switch the device has (root needed). Returns the switch used, or
     * null when the device has none (then energy readings include the charger and are flagged so).
     */
    public String pauseCharging() {
        RootAccess r = root();
        if (r == null) {
            return null;
        }
        for (String[] sw : CHARGING_SWITCHES) {
            ShellResult exists = shell.run("test -f " + sw[0]);
            if (!exists.ok()) {
                continue;
            }
            write(r, sw[0], null, sw[1]);
            return sw[0];
        }
        return null;
    }

    /**
     * Puts back the charging switches' recorded originals (any owner), leaving every other recorded change as it
     * is; returns what was restored (empty when charging was not paused through a switch).
     */
    public List<String> resumeCharging() {
        return restore(e -> CHARGING_SWITCHES.stream()
                .anyMatch(sw -> e.setting().equals(RestorableSetting.SYSFS + sw[0])), null);
    }

    // ---- undo ----

    /** Applies every recorded original of this device (all owners), newest first; returns what was restored. */
    public List<String> restoreAll() {
        List<String> failed = new ArrayList<>();
        List<String> done = restore(e -> true, failed);
        if (!failed.isEmpty()) {
            throw new ControlException("could not restore on " + shell.serial() + " (still recorded, retry with"
                    + " 'aodnn device reset'): " + String.join("; ", failed));
        }
        return done;
    }

    /**
     * Applies the pending originals {@code which} selects, newest first, and marks each done; returns what was
     * restored. With {@code failed} a failure is collected there and the rest still restored; without, it stops.
     */
    private List<String> restore(Predicate<DeviceRestoreEntry> which, List<String> failed) {
        List<String> done = new ArrayList<>();
        for (DeviceRestoreEntry e : restores.pending(shell.serial())) {
            if (!which.test(e)) {
                continue;
            }
            try {
                apply(e);
                restores.done(e.id());
                done.add(e.setting() + " = " + e.originalValue());
            } catch (RuntimeException ex) {
                if (failed == null) {
                    throw ex;
                }
                failed.add(e.setting() + ": " + ex.getMessage());
            }
        }
        return done;
    }

    private void apply(DeviceRestoreEntry e) {
        String s = e.setting();
        if (s.startsWith(RestorableSetting.SYSFS)) {
            writeSysfs(requireRoot("restoring " + s), s.substring(RestorableSetting.SYSFS.length()), e.originalValue());
        } else if (s.startsWith(RestorableSetting.SETTINGS)) {
            String[] parts = s.substring(RestorableSetting.SETTINGS.length()).split(":", 2);
            String cmd = e.originalValue() == null ? "settings delete " + parts[0] + " " + parts[1]
                    : "settings put " + parts[0] + " " + parts[1] + " " + ShellQuoting.quote(e.originalValue());
            shell.run(cmd).requireOk(cmd);
        } else {
            throw new ControlException("unknown setting kind in restore record " + e.id() + ": " + s);
        }
    }

    /**
     * Restores what earlier profiling sessions (owners starting with {@code profile:}) left recorded because they
     * crashed or lost the phone; lasting changes made with {@code device set-freq} stay.
     */
    public List<String> restoreLeftoversOfSessions() {
        return restore(e -> e.owner().startsWith(SESSION_OWNER_PREFIX) && !e.owner().equals(owner), null);
    }

    /** Owner prefix of the changes a profiling session makes. */
    public static final String SESSION_OWNER_PREFIX = "profile:";

    /** Restores recorded by one owner only (a session's own changes when it ends). */
    public List<String> restoreOwned() {
        return restore(e -> e.owner().equals(owner), null);
    }
}
