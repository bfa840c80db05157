package org.aodnn.profilinglab.adb.shell;

/** Runs commands in one device's shell. Implementations bound every call with a timeout. */
public interface DeviceShell {

    /** The device's serial as the adb server names it. */
    String serial();

    /** Runs the command and waits for its exit; throws {@link DeviceCommandException} when the device is unreachable. */
    ShellResult run(String command);
}
