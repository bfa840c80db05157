package org.aodnn.profilinglab.adb.control;

/** A device control was refused or did not take effect; the message says which device, what and why. */
public class ControlException extends RuntimeException {

    public ControlException(String message) {
        super(message);
    }
}
