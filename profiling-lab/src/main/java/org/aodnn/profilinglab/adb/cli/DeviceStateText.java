package org.aodnn.profilinglab.adb.cli;

import java.io.PrintWriter;
import org.aodnn.profilinglab.adb.state.BatteryState;
import org.aodnn.profilinglab.adb.state.BrowserInfo;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceIdentity;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.ThermalZone;

/** The human-readable form of a device state; simulated readings are labelled as such. */
final class DeviceStateText {

    private DeviceStateText() {
    }

    static void print(PrintWriter out, DeviceState s) {
        DeviceIdentity id = s.identity();
        String sim = s.simulated() ? " [SIMULATED DEVICE]" : "";
        out.printf("%s: %s %s, Android %s (SDK %s)%s%n", s.serial(), id.manufacturer(), id.model(),
                id.androidVersion(), id.sdk(), sim);
        out.printf("  SoC %s, ABI %s, %d cores, root: %s%n", id.soc(), id.abi(), s.coreCount(),
                s.rooted() ? s.root() : "no");
        if (s.cpu() != null) {
            out.printf("  cores: %s%n", s.cpu().coresByKind());
        }
        for (CpuPolicy p : s.policies()) {
            out.printf("  policy%d cpus %s: %s, %s..%s kHz (hw %s..%s), now %s kHz%n", p.id(), p.relatedCpus(),
                    p.governor(), p.scalingMinKhz(), p.scalingMaxKhz(), p.cpuinfoMinKhz(), p.cpuinfoMaxKhz(),
                    p.curFreqKhz());
        }
        BatteryState b = s.battery();
        if (b != null) {
            String label = s.simulated() ? " (simulated)" : "";
            out.printf("  battery%s: %s%%, %s, %.0f mV, %.1f °C, %s mA%s%n", label, b.percent(), b.status(),
                    b.voltageMv(), b.temperatureC(),
                    b.currentMa() == null ? "?" : String.format(java.util.Locale.ROOT, "%.0f", b.currentMa()),
                    s.current() == null ? "" : " (current_now in " + s.current().unit() + ", " + s.current().basis() + ")");
        }
        for (ThermalZone z : s.thermal()) {
            out.printf("  thermal_zone%d %s: %s °C%n", z.index(), z.type(), z.tempC());
        }
        out.printf("  screen: %s, brightness %s%n", s.screen().on() == null ? "unknown" : s.screen().on() ? "on" : "off",
                s.brightness());
        for (BrowserInfo br : s.browsers()) {
            out.printf("  browser %s (%s) %s%n", br.packageName(), br.family(), br.version());
        }
    }
}
