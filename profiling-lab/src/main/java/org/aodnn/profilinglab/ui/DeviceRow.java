package org.aodnn.profilinglab.ui;

import java.util.Locale;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.state.BatteryState;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * A phone as the device table shows it, already in words: the adb state, and once read its model, the
 * governor and clocks of its fastest cluster, battery and hottest temperature. {@code simulated} marks the
 * virtual phone, whose battery and clocks come from a model; {@code problem} says why the state is missing.
 */
public record DeviceRow(String serial, String adbState, String model, String governor, String frequencies,
                        String battery, String temperature, boolean simulated, boolean usable, String problem) {

    public String targetName() {
        return "adb:" + serial;
    }

    public static DeviceRow of(AdbDeviceEntry entry, DeviceState state, String problem) {
        if (state == null) {
            String model = entry.model() == null ? "" : entry.model();
            return new DeviceRow(entry.serial(), entry.state(), model, "", "", "", "", false, entry.usable(),
                    problem == null ? "" : problem);
        }
        String sim = state.simulated() ? " (simulated)" : "";
        CpuPolicy fastest = state.fastestPolicy();
        String governor = fastest == null || fastest.governor() == null ? "n/a" : fastest.governor();
        String freqs = fastest == null ? "n/a" : mhz(fastest.curFreqKhz()) + " of " + mhz(fastest.scalingMinKhz())
                + "-" + mhz(fastest.scalingMaxKhz()) + " MHz (policy" + fastest.id() + ")";
        Double temp = state.maxTemperatureC();
        return new DeviceRow(entry.serial(), entry.state(), modelName(state), governor, freqs + sim,
                battery(state.battery()) + sim,
                temp == null ? "n/a" : String.format(Locale.ROOT, "%.1f °C", temp) + sim,
                state.simulated(), entry.usable(), "");
    }

    /**
     * Manufacturer and model in words, labelled simulated for the virtual phone (once: its model name may
     * already say so, and the manufacturer may already begin the model name).
     */
    static String modelName(DeviceState state) {
        String maker = nonNull(state.identity().manufacturer()).trim();
        String model = nonNull(state.identity().model()).trim();
        String name = maker.isEmpty() || model.startsWith(maker) ? model : (maker + " " + model).trim();
        return state.simulated() && !name.contains("(simulated)") ? name + " (simulated)" : name;
    }

    private static String battery(BatteryState b) {
        if (b == null || b.percent() == null) {
            return "n/a";
        }
        String text = b.percent() + " %" + (b.plugged() ? ", plugged" : "");
        if (b.currentMa() != null) {
            text += String.format(Locale.ROOT, ", %.0f mA", b.currentMa());
        }
        return text;
    }

    private static String mhz(Long khz) {
        return khz == null ? "?" : String.valueOf(khz / 1000);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
