package org.aodnn.profilinglab.target;

import java.nio.file.Path;

/** Targets by the name the CLI and UI use. Phones (over ADB) register here later. */
public final class ProfilingTargets {

    private ProfilingTargets() {
    }

    /** The names {@link #byName} knows, for a target chooser. */
    public static java.util.List<String> names() {
        return java.util.List.of(LocalChromiumTarget.NAME);
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
