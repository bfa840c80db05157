package org.aodnn.profilinglab.ui;

import java.util.Map;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;

/**
 * Whether the chosen target can be profiled on now, judged from the adb server's last list: a phone the
 * operator chose stays chosen when it goes away (or the workspace is hidden, which stops the list), and this
 * says why Start must wait instead of silently profiling another device.
 */
final class TargetAvailability {

    private TargetAvailability() {
    }

    /**
     * Why a session cannot start on {@code target} now, or "" when it can. {@code listing}: serial → adb state
     * of the server's last list, null until one was read; {@code phonesWatched}: whether an adb server is
     * configured at all.
     */
    static String problem(String target, Map<String, String> listing, boolean phonesWatched) {
        if (target == null || !target.startsWith(AdbPhoneTarget.PREFIX)) {
            return "";
        }
        String serial = target.substring(AdbPhoneTarget.PREFIX.length());
        if (!phonesWatched) {
            return "phone " + serial + " cannot be used: no adb server is configured";
        }
        if (listing == null) {
            return "waiting for the adb server's list of phones to check " + serial;
        }
        String state = listing.get(serial);
        if (state == null) {
            return "phone " + serial + " is disconnected (the adb server no longer lists it); Start waits until it is back";
        }
        if (state.equals(AdbDeviceEntry.ONLINE)) {
            return "";
        }
        if (state.equals("offline")) {
            return "phone " + serial + " is disconnected (adb lists it offline); Start waits until it is back";
        }
        if (state.equals("unauthorized")) {
            return "phone " + serial + " has not allowed debugging from this computer: accept the prompt on the phone";
        }
        return "phone " + serial + " is in adb state '" + state + "', not online";
    }

    /** How the target list shows {@code target}: its name, marked when it cannot be used now. */
    static String label(String target, Map<String, String> listing, boolean phonesWatched) {
        if (target == null || problem(target, listing, phonesWatched).isEmpty() || listing == null) {
            return target == null ? "" : target;
        }
        String state = listing.get(target.substring(AdbPhoneTarget.PREFIX.length()));
        return target + (state == null || state.equals("offline") ? " (disconnected)" : " (" + state + ")");
    }
}
