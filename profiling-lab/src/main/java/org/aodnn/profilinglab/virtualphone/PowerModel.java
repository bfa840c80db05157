package org.aodnn.profilinglab.virtualphone;

import java.util.List;

/**
 * The simulated phone's battery and heat. Power = display (by brightness) + platform + CPU (per policy:
 * busy cores × per-core power at top clock × (f/fmax)^2.5, the usual dynamic-power scaling with voltage).
 * The battery is a 4,500 mAh Li-ion cell: open-circuit voltage from the state of charge, 0.1 Ω internal
 * resistance; while USB power is connected and charging is not suspended a 1.5 A charger feeds it.
 * Temperature follows a first-order model (τ = 40 s, 6 °C/W above 25 °C ambient); above 48 °C the prime
 * core is capped at 70 % of its clock until it cools below 44 °C — real thermal throttling behaviour.
 * Everything here is simulated; the device labels it so wherever it is shown.
 */
final class PowerModel {

    static final double CAPACITY_MAH = 4500;
    private static final double R_INTERNAL_OHM = 0.10;
    private static final double CHARGER_MA = 1500;
    private static final double AMBIENT_C = 25;
    private static final double TAU_S = 40;
    private static final double C_PER_W = 6;

    private final List<SimCpuPolicy> policies;
    private double soc = 0.80;
    private double temperatureC = 29;
    private double dischargeMa;
    private double voltageMv;
    private double powerMw;
    private boolean throttled;
    private long lastNanos = System.nanoTime();

    PowerModel(List<SimCpuPolicy> policies) {
        this.policies = policies;
        update(false, 0, true, false);
    }

    /** Advances the model to now. */
    synchronized void update(boolean screenOn, int brightness, boolean usbPowered, boolean chargingSuspended) {
        long now = System.nanoTime();
        double dt = Math.min(5, (now - lastNanos) / 1e9);
        lastNanos = now;
        double display = screenOn ? 180 + 420 * brightness / 255.0 : 0;
        double platform = screenOn ? 140 : 18;
        double cpu = 0;
        for (SimCpuPolicy p : policies) {
            cpu += p.powerMw();
        }
        powerMw = display + platform + cpu;
        double ocv = 3450 + 750 * soc - 120 * Math.pow(1 - soc, 4);
        double loadMa = powerMw / (ocv / 1000.0);
        boolean charging = usbPowered && !chargingSuspended && soc < 1.0;
        dischargeMa = loadMa - (charging ? CHARGER_MA : 0);
        voltageMv = ocv - dischargeMa * R_INTERNAL_OHM;
        soc = Math.max(0, Math.min(1, soc - dischargeMa * dt / 3600.0 / CAPACITY_MAH));
        double target = AMBIENT_C + C_PER_W * (powerMw / 1000.0) + (charging ? 4 : 0);
        temperatureC += (target - temperatureC) * (1 - Math.exp(-dt / TAU_S));
        SimCpuPolicy prime = policies.get(policies.size() - 1);
        if (!throttled && temperatureC > 48) {
            throttled = true;
            prime.setThermalCap((long) (prime.hwMax() * 0.7));
        } else if (throttled && temperatureC < 44) {
            throttled = false;
            prime.setThermalCap(Long.MAX_VALUE);
        }
    }

    synchronized double dischargeMa() {
        return dischargeMa;
    }

    synchronized double voltageMv() {
        return voltageMv;
    }

    synchronized double powerMw() {
        return powerMw;
    }

    synchronized double temperatureC() {
        return temperatureC;
    }

    synchronized int levelPercent() {
        return (int) Math.round(soc * 100);
    }

    synchronized long chargeCounterUah() {
        return (long) (soc * CAPACITY_MAH * 1000);
    }
}
