package org.aodnn.profilinglab.adb.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the lab reads from a phone in one probe. {@code simulated} is true for the virtual phone (its
 * battery and clocks come from a model, and every view labels them so). {@code root} is how commands can
 * run as root ({@code adbd}, {@code su 0}, {@code su -c}) or null when the device has no root.
 */
public record DeviceState(String serial, Instant takenAt, DeviceIdentity identity, Map<String, String> props,
                          CpuInfo cpu, List<CpuPolicy> policies, BatteryState battery, CurrentConvention current,
                          List<ThermalZone> thermal, ScreenState screen, Integer brightness,
                          List<BrowserInfo> browsers, String root) {

    public boolean simulated() {
        return identity.simulated();
    }

    public boolean rooted() {
        return root != null;
    }

    public int coreCount() {
        return cpu != null ? cpu.cores().size() : policies.stream().mapToInt(p -> p.relatedCpus().size()).sum();
    }

    /** The hottest readable thermal zone, a summary for lists (null if none). */
    public Double maxTemperatureC() {
        return thermal.stream().map(ThermalZone::tempC).filter(t -> t != null && t > -40 && t < 150)
                .max(Double::compare).orElse(null);
    }

    /** The policy with the highest maximum clock (the "big" or prime cluster), or null without cpufreq. */
    public CpuPolicy fastestPolicy() {
        return policies.stream().filter(p -> p.cpuinfoMaxKhz() != null)
                .max((a, b) -> Long.compare(a.cpuinfoMaxKhz(), b.cpuinfoMaxKhz())).orElse(null);
    }

    public CpuPolicy policy(int id) {
        return policies.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }
}
