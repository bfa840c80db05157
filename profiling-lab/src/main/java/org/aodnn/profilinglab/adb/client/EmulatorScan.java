package org.aodnn.profilinglab.adb.client;

/**
 * The loopback ports an adb server probes for emulators when it starts (adb's defaults): a listener on one of
 * them is taken for an emulator's adbd and listed as {@code emulator-(port-1)}, so a device reached there with
 * {@code adb connect 127.0.0.1:PORT} is listed twice.
 */
public final class EmulatorScan {

    public static final int FIRST_PORT = 5555;
    public static final int LAST_PORT = 5585;

    private EmulatorScan() {
    }

    public static boolean scans(int port) {
        return port >= FIRST_PORT && port <= LAST_PORT;
    }
}
