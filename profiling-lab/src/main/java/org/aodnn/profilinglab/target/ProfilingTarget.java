package org.aodnn.profilinglab.target;

import java.net.URI;

/**
 * Where the profiling page runs: this computer's Chromium now, a phone's browser over ADB later. A target
 * opens the page at a loopback URL of the console's server (a phone reaches it through {@code adb
 * reverse}) and ends the browser afterwards; everything else (the page, the job, the server, storage) is
 * the same for every target.
 */
public interface ProfilingTarget {

    /** The name the CLI and the UI use, e.g. {@code local-chromium}. */
    String name();

    /** The {@code platform} of the measurements it produces, e.g. {@code local-chromium}. */
    String platform();

    /** The {@code target} column of its measurements. */
    default String targetKind() {
        return "browser";
    }

    /** Checks the target can be used at all, before anything is stored. */
    void checkAvailable() throws TargetUnavailableException;

    /** Opens the page in the target's browser. The returned session must be closed. */
    TargetSession open(URI pageUri) throws TargetUnavailableException;
}
