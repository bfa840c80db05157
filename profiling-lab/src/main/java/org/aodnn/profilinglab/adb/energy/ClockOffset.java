package org.aodnn.profilinglab.adb.energy;

import org.aodnn.profilinglab.adb.shell.DeviceShell;
import org.aodnn.profilinglab.adb.state.DeviceOutputException;

/**
 * The phone clock minus this computer's clock, in µs, estimated NTP-style: read the phone's clock several times
 * and keep the reading with the shortest round trip, assuming it was taken half-way through. Used to place
 * events seen on this computer (results arriving) on the phone's time line of the power samples.
 */
public record ClockOffset(long offsetUs, long roundTripUs) {

    public static ClockOffset estimate(DeviceShell shell, int tries) {
        ClockOffset best = null;
        for (int i = 0; i < tries; i++) {
            long t0 = nowUs();
            String out = shell.run("date +%s%N").requireOk("date +%s%N").strip();
            long t1 = nowUs();
            long deviceUs;
            try {
                deviceUs = Long.parseLong(out) / 1000;
            } catch (NumberFormatException e) {
                throw new DeviceOutputException("device " + shell.serial() + ": 'date +%s%N' printed '" + out
                        + "' instead of nanoseconds since the epoch");
            }
            ClockOffset c = new ClockOffset(deviceUs - (t0 + t1) / 2, t1 - t0);
            if (best == null || c.roundTripUs() < best.roundTripUs()) {
                best = c;
            }
        }
        return best;
    }

    public static long nowUs() {
        return epochUs(java.time.Instant.now());
    }

    /** Microseconds since the epoch: the time base of every power sample and layer window. */
    public static long epochUs(java.time.Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    public long toDeviceUs(long hostUs) {
        return hostUs + offsetUs;
    }
}
