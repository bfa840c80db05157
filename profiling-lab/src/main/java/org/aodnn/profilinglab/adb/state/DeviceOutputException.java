package org.aodnn.profilinglab.adb.state;

/**
 * A device replied with something the lab cannot read. The message names the source (command or file),
 * the line and what was wrong, so the operator can compare with the device's own output.
 */
public class DeviceOutputException extends RuntimeException {

    public DeviceOutputException(String message) {
        super(message);
    }

    public static DeviceOutputException at(String source, int line, String what) {
        return new DeviceOutputException(source + ", line " + line + ": " + what);
    }
}
