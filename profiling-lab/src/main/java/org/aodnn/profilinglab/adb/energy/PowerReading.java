package org.aodnn.profilinglab.adb.energy;

/**
 * One power sample: device time in µs since the epoch (the phone's clock), battery voltage in mV, current in mA
 * (positive = drawn from the battery), power in mW, and the current clock of each cpufreq policy in kHz (empty
 * when not sampled, e.g. Monsoon imports).
 */
public record PowerReading(long deviceTimeUs, double voltageMv, double currentMa, double powerMw, long[] freqsKhz) {

    public static PowerReading of(long deviceTimeUs, double voltageMv, double currentMa, long[] freqsKhz) {
        return new PowerReading(deviceTimeUs, voltageMv, currentMa, voltageMv * currentMa / 1000.0, freqsKhz);
    }

    /** The highest clock among the sampled policies (the cluster that runs the page's work), or 0. */
    public long maxFreqKhz() {
        long m = 0;
        for (long f : freqsKhz) {
            m = Math.max(m, f);
        }
        return m;
    }
}
