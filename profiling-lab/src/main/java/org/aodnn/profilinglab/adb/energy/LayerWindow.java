package org.aodnn.profilinglab.adb.energy;

/**
 * When one layer was being timed on the phone, in device time (µs since the epoch), and how many timed runs
 * the window covered (energy per inference = window energy / runs).
 */
public record LayerWindow(String model, int layerIndex, String backend, long startUs, long endUs, int runs) {

    public LayerWindow {
        if (endUs < startUs) {
            throw new IllegalArgumentException("window of layer " + layerIndex + " ends before it starts");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("window of layer " + layerIndex + " covers no runs");
        }
    }
}
