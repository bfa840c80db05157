package org.aodnn.profilinglab.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceIdentity;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * Phone states as a probe of the virtual phone returns them, for tests of the controls' parts that need no phone:
 * its identity (labelled simulated), its cpufreq policies, root and brightness; the rest is absent, as on a phone
 * that does not report it.
 */
final class PhoneStates {

    static final List<Long> FREQS = List.of(300_000L, 1_248_000L, 1_804_800L);
    static final List<String> GOVERNORS = List.of("schedutil", "performance", "powersave");

    private PhoneStates() {
    }

    /** A policy at the governor {@code governor} running at {@code curKhz}, limits the whole range. */
    static CpuPolicy policy(int id, String governor, long curKhz) {
        List<Integer> cpus = id == 0 ? List.of(0, 1, 2, 3) : List.of(id);
        return new CpuPolicy(id, cpus, FREQS, GOVERNORS, governor, curKhz, 300_000L, 1_804_800L, 300_000L, 1_804_800L);
    }

    /** {@code root} null for a phone without root; {@code brightness} null when the phone does not say. */
    static DeviceState state(String serial, String root, Integer brightness, CpuPolicy... policies) {
        DeviceIdentity identity = DeviceIdentity.fromProps(Map.of("ro.product.manufacturer", "Google",
                "ro.product.model", "Pixel 7", DeviceIdentity.SIMULATED_PROPERTY, "1"));
        return new DeviceState(serial, Instant.now(), identity, Map.of(), null, List.of(policies), null, null,
                List.of(), null, brightness, List.of(), root);
    }
}
