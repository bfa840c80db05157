package org.aodnn.profilinglab.adb.state;

/**
 * The battery as {@code dumpsys battery} reports it, plus the instantaneous current when it was read from
 * sysfs. {@code currentMa} is normalised: milliamperes, positive while the battery discharges (see
 * {@link CurrentConvention}); null when the device does not expose a current.
 */
public record BatteryState(Integer level, Integer scale, String status, String health, boolean acPowered,
                           boolean usbPowered, boolean wirelessPowered, Double voltageMv, Double temperatureC,
                           String technology, Long chargeCounterUah, Double currentMa) {

    public boolean plugged() {
        return acPowered || usbPowered || wirelessPowered;
    }

    public Integer percent() {
        if (level == null) {
            return null;
        }
        return scale == null || scale == 0 || scale == 100 ? level : Math.round(level * 100f / scale);
    }

    public BatteryState withCurrentMa(Double ma) {
        return new BatteryState(level, scale, status, health, acPowered, usbPowered, wirelessPowered, voltageMv,
                temperatureC, technology, chargeCounterUah, ma);
    }
}
