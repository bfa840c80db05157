package org.aodnn.profilinglab.target;

import java.util.OptionalLong;

/** A browser showing the profiling page. Closing it ends the browser and everything it started. */
public interface TargetSession extends AutoCloseable {

    /** False once the browser has gone (crashed, killed, phone unplugged). */
    boolean isAlive();

    /** What is running, for messages: e.g. {@code chromium pid 1234}. */
    String describe();

    /** The browser's main process on this computer, where there is one. */
    OptionalLong processId();

    /** The last lines the browser wrote, for explaining a failure ("" when there are none). */
    String diagnostics();

    @Override
    void close();
}
