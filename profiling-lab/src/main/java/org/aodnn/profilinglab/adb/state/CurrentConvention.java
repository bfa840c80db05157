package org.aodnn.profilinglab.adb.state;

import java.util.Collection;

/**
 * How a device reports {@code /sys/class/power_supply/battery/current_now}: the unit (µA on most devices, mA
 * on some Samsung and MediaTek kernels) and the sign of a discharge (Android documents negative = discharging,
 * many Qualcomm kernels report positive while discharging).
 *
 * <p>Unit: no phone draws 10 A, so any reading of 10,000 or more in magnitude must be µA; readings that all
 * stay below that are mA (a phone with the screen on and a shell running draws well over 10 mA, which in µA
 * would already exceed the threshold). Sign: while the battery is discharging (not plugged, or charging paused)
 * the dominant sign of the readings is the discharge sign; while charging it is the opposite; otherwise
 * Android's documented convention is assumed.
 */
public record CurrentConvention(double toMaFactor, int dischargeSign, String unit, String basis) {

    public static final double MICRO_AMP_THRESHOLD = 10_000;

    public static CurrentConvention detect(Collection<Long> rawReadings, BatteryState battery) {
        long maxAbs = 0;
        long sum = 0;
        for (long r : rawReadings) {
            maxAbs = Math.max(maxAbs, Math.abs(r));
            sum += Long.signum(r);
        }
        boolean micro = maxAbs >= MICRO_AMP_THRESHOLD;
        double factor = micro ? 0.001 : 1.0;
        String unit = micro ? "uA" : "mA";
        String status = battery == null ? null : battery.status();
        boolean discharging = status != null
                && (status.equals("discharging") || status.equals("not-charging")) ;
        boolean charging = status != null && status.equals("charging");
        if (sum != 0 && discharging) {
            return new CurrentConvention(factor, (int) Math.signum(sum), unit, "sign observed while discharging");
        }
        if (sum != 0 && charging) {
            return new CurrentConvention(factor, -(int) Math.signum(sum), unit, "sign observed while charging");
        }
        return new CurrentConvention(factor, -1, unit, "Android convention assumed (negative = discharging)");
    }

    /** The reading in mA, positive while current flows out of the battery. */
    public double toDischargeMa(long raw) {
        return raw * toMaFactor * dischargeSign;
    }
}
