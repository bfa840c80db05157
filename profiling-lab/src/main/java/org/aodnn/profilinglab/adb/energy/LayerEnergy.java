package org.aodnn.profilinglab.adb.energy;

/**
 * The energy attributed to one layer window: above the idle baseline, for the whole window and per run, in mJ
 * (null when no samples cover the window); the median of the fastest cluster's clock; and whether the clock
 * dropped by more than 15 % within the window (thermal throttling).
 */
public record LayerEnergy(LayerWindow window, Double windowEnergyMj, Double energyPerRunMj, int samples,
                          Long medianFreqKhz, boolean throttled) {
}
