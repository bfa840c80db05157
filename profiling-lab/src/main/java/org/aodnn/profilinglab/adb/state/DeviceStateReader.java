package org.aodnn.profilinglab.adb.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aodnn.profilinglab.adb.shell.DeviceShell;
import org.aodnn.profilinglab.adb.shell.ShellResult;

/**
 * Reads a device's whole state in two shell round trips: one probe script (properties, CPUs, cpufreq, battery,
 * thermal zones, screen, packages, root), then the versions of the browsers found. Sections a device cannot
 * provide (no cpufreq, no thermal zones) come back empty rather than failing the reading.
 */
public final class DeviceStateReader {

    public static final String BATTERY_DIR = "/sys/class/power_supply/battery";

    static final String PROBE = String.join("; ",
            ProbeSections.marker("getprop"), "getprop",
            ProbeSections.marker("cpuinfo"), "cat /proc/cpuinfo",
            ProbeSections.marker("cpufreq"), "grep . " + CpufreqParser.POLICY_ROOT + "/policy*/*",
            ProbeSections.marker("battery"), "dumpsys battery",
            ProbeSections.marker("current_now"), "cat " + BATTERY_DIR + "/current_now",
            ProbeSections.marker("thermal"), ThermalParser.COMMAND,
            ProbeSections.marker("power"), ScreenStateParser.COMMAND,
            ProbeSections.marker("brightness"), "settings get system screen_brightness",
            ProbeSections.marker("packages"), "pm list packages",
            RootAccess.PROBE,
            ProbeSections.marker("end"));

    private DeviceStateReader() {
    }

    public static DeviceState read(DeviceShell shell) {
        // stamped when the probe starts: a slow reading that began before a write must not count as newer than
        // the write's read-back, which the views order states by
        Instant takenAt = Instant.now();
        ShellResult r = shell.run(PROBE);
        Map<String, String> s = ProbeSections.split(r.stdout());
        if (!s.containsKey("end")) {
            throw new DeviceOutputException("device " + shell.serial() + ": the state probe stopped early (exit code "
                    + r.exitCode() + (r.stderr().isBlank() ? "" : ", " + r.stderr().strip()) + ")");
        }
        Map<String, String> props = GetpropParser.parse(s.getOrDefault("getprop", ""));
        DeviceIdentity identity = DeviceIdentity.fromProps(props);
        String cpuinfo = s.getOrDefault("cpuinfo", "");
        CpuInfo cpu = cpuinfo.isBlank() ? null : CpuinfoParser.parse(cpuinfo);
        List<CpuPolicy> policies = CpufreqParser.parse(s.getOrDefault("cpufreq", ""));
        BatteryState battery = null;
        CurrentConvention convention = null;
        String batteryText = s.getOrDefault("battery", "");
        if (!batteryText.isBlank()) {
            battery = BatteryParser.parse(batteryText);
            Long raw = parseLong(s.get("current_now"));
            if (raw != null) {
                convention = CurrentConvention.detect(List.of(raw), battery);
                battery = battery.withCurrentMa(convention.toDischargeMa(raw));
            }
        }
        List<ThermalZone> thermal = ThermalParser.parse(s.getOrDefault("thermal", ""));
        ScreenState screen = ScreenStateParser.parse(s.getOrDefault("power", ""));
        Integer brightness = parseInt(s.get("brightness"));
        Set<String> packages = BrowserPackages.parsePackageList(s.getOrDefault("packages", ""));
        List<BrowserInfo> browsers = readBrowsers(shell, BrowserPackages.browsersAmong(packages));
        RootAccess root = RootAccess.detect(s);
        return new DeviceState(shell.serial(), takenAt, identity, props, cpu, policies, battery, convention,
                thermal, screen, brightness, browsers, root == null ? null : root.label());
    }

    private static List<BrowserInfo> readBrowsers(DeviceShell shell, List<String> packages) {
        if (packages.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String p : packages) {
            parts.add(ProbeSections.marker("pkg:" + p));
            parts.add("dumpsys package " + p + " | grep versionName");
        }
        Map<String, String> s = ProbeSections.split(shell.run(String.join("; ", parts)).stdout());
        List<BrowserInfo> out = new ArrayList<>();
        for (String p : packages) {
            out.add(BrowserPackages.info(p, BrowserPackages.parseVersionName(s.getOrDefault("pkg:" + p, ""))));
        }
        return out;
    }

    static Long parseLong(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseInt(String s) {
        Long v = parseLong(s);
        return v == null ? null : v.intValue();
    }
}
