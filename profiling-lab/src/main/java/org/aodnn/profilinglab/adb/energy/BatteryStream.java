package org.aodnn.profilinglab.adb.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aodnn.profilinglab.adb.state.CurrentConvention;
import org.aodnn.profilinglab.adb.state.DeviceOutputException;

/**
 * The on-device sampling loop: one long-lived shell prints a line per sample with the device's own clock,
 * battery voltage and current, and every policy's current CPU clock:
 * {@code EPOCH_NS VOLTAGE_UV CURRENT_RAW F0 F1 ...}. A 50 ms sleep plus the reads gives 12–20 samples/s on
 * phones (the sysfs reads take a few ms), above the 10 Hz the attribution needs.
 */
public final class BatteryStream {

    public static final String BATTERY = "/sys/class/power_supply/battery";

    private BatteryStream() {
    }

    public static String command(List<String> freqFiles, double periodSeconds) {
        String freqs = freqFiles.isEmpty() ? "" : " $(cat " + String.join(" ", freqFiles) + ")";
        return "while true; do echo $(date +%s%N) $(cat " + BATTERY + "/voltage_now) $(cat " + BATTERY
                + "/current_now)" + freqs + "; sleep " + String.format(Locale.ROOT, "%.3f", periodSeconds) + "; done";
    }

    /** The raw values of one line; {@code lineNumber} is for the error message. */
    public record RawLine(long epochNs, long voltageUv, long currentRaw, long[] freqsKhz) {
    }

    public static RawLine parse(String line, int lineNumber, int expectedFreqs) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 3 + expectedFreqs) {
            throw new DeviceOutputException("battery stream, line " + lineNumber + ": expected " + (3 + expectedFreqs)
                    + " numbers (time, voltage, current, clocks) but found '" + line + "'");
        }
        try {
            long[] freqs = new long[expectedFreqs];
            for (int i = 0; i < expectedFreqs; i++) {
                freqs[i] = Long.parseLong(f[3 + i]);
            }
            return new RawLine(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), freqs);
        } catch (NumberFormatException e) {
            throw new DeviceOutputException("battery stream, line " + lineNumber + ": '" + line
                    + "' is not all numbers");
        }
    }

    /** voltage_now is µV on every kernel that has it (mV on a few very old ones, recognisable by size). */
    static double voltageMv(long raw) {
        return raw > 100_000 ? raw / 1000.0 : raw;
    }

    public static List<PowerReading> convert(List<RawLine> lines, CurrentConvention convention) {
        List<PowerReading> out = new ArrayList<>(lines.size());
        for (RawLine l : lines) {
            out.add(PowerReading.of(l.epochNs() / 1000, voltageMv(l.voltageUv()), convention.toDischargeMa(l.currentRaw()),
                    l.freqsKhz()));
        }
        return out;
    }
}
