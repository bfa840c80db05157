package org.aodnn.profilinglab.virtualphone;

/** A command line the simulated shell cannot parse; reported like mksh does ("syntax error: ..."). */
final class ShellSyntaxException extends Exception {

    ShellSyntaxException(String message) {
        super(message);
    }
}
