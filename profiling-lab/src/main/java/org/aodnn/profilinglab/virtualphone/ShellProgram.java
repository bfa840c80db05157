package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.util.List;

/** One command of the simulated device ({@code cat}, {@code getprop}, {@code dumpsys}, ...). */
@FunctionalInterface
interface ShellProgram {

    /** Runs with {@code args} (args.get(0) is the command name); returns the exit status. */
    int run(List<String> args, byte[] stdin, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException;
}
