package org.aodnn.profilinglab.target;

import java.nio.file.Path;

/** The computer's own targets by the name the CLI and UI use; phones are {@code adb:SERIAL} (AdbPhoneTarget). */
public final class ProfilingTargets {

    private ProfilingTargets() {
    }

    /**
     * The target called {@code name}; {@code chromium} overrides the local Chromium executable (null for
     * {@code /usr/bin/chromium}).
     */
    public static ProfilingTarget byName(String name, Path chromium) {
        if (LocalChromiumTarget.NAME.equals(name)) {
            return chromium == null ? new LocalChromiumTarget() : new LocalChromiumTarget(chromium);
        }
        throw new IllegalArgumentException("unknown profiling target '" + name + "' (known: " + LocalChromiumTarget.NAME + ")");
    }
}
