package org.aodnn.profilinglab.adb.shell;

/** A command on the device failed or the device could not be reached; the message says which and why. */
public class DeviceCommandException extends RuntimeException {

    public DeviceCommandException(String message) {
        super(message);
    }

    public DeviceCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
