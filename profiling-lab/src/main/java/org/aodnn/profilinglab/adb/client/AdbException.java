package org.aodnn.profilinglab.adb.client;

/** The adb server or a device could not do what was asked; the message says which server/device and why. */
public class AdbException extends RuntimeException {

    public AdbException(String message) {
        super(message);
    }

    public AdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
