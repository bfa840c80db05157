package org.aodnn.profilinglab.adb.shell;

/** What a device shell command printed and its exit code (shell protocol v2 keeps stdout and stderr apart). */
public record ShellResult(String stdout, String stderr, int exitCode) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Stdout, failing with the command, exit code and stderr when the command did not succeed. */
    public String requireOk(String command) {
        if (exitCode != 0) {
            throw new DeviceCommandException("'" + command + "' failed on the device with exit code " + exitCode
                    + (stderr.isBlank() ? "" : ": " + stderr.strip()));
        }
        return stdout;
    }
}
