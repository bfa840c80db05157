package org.aodnn.profilinglab.adb.shell;

/** Quoting for the device's POSIX shell (mksh/toybox sh): single quotes, with embedded ones closed and escaped. */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
