package org.aodnn.profilinglab.adb.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * Finds the phones the adb server lists more than once. The server scans loopback ports for emulators at start
 * ({@link org.aodnn.profilinglab.adb.client.EmulatorScan}), so a phone reached with {@code adb connect 127.0.0.1:P} on a port in that range is also
 * listed as {@code emulator-(P-1)}: the same listener, hence the same phone. A real phone on USB and over Wi-Fi
 * at once is listed twice too; both report the same {@code ro.serialno}. Only online entries are compared (an
 * offline entry is not offered anyway), and the address the operator connected wins over the scan's name.
 */
public final class SameDevices {

    private static final Pattern EMULATOR = Pattern.compile("emulator-(\\d{1,5})");
    private static final Pattern LOOPBACK = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    private SameDevices() {
    }

    /**
     * Each online entry that is another name of a phone listed before it, mapped to that phone's serial.
     * {@code states}: the states read so far by serial (a phone not read yet is matched by its address only).
     */
    public static Map<String, String> duplicates(List<AdbDeviceEntry> entries, Map<String, DeviceState> states) {
        List<AdbDeviceEntry> online = new ArrayList<>(entries.stream().filter(AdbDeviceEntry::usable).toList());
        online.sort(Comparator.comparing(e -> EMULATOR.matcher(e.serial()).matches())); // stable: list order stays
        Map<String, String> keptByKey = new HashMap<>();
        Map<String, String> duplicates = new LinkedHashMap<>();
        for (AdbDeviceEntry e : online) {
            List<String> keys = keys(e, states.get(e.serial()));
            String kept = keys.stream().map(keptByKey::get).filter(k -> k != null).findFirst().orElse(null);
            if (kept != null) {
                duplicates.put(e.serial(), kept);
            } else {
                keys.forEach(k -> keptByKey.put(k, e.serial()));
            }
        }
        return duplicates;
    }

    /** What identifies the phone behind an entry: its loopback adb port, its serial number property. */
    private static List<String> keys(AdbDeviceEntry e, DeviceState state) {
        List<String> keys = new ArrayList<>();
        Matcher emulator = EMULATOR.matcher(e.serial());
        Matcher loopback = LOOPBACK.matcher(e.serial());
        if (emulator.matches()) {
            // emulator-N is the console port N; the adb server reached its adbd on N+1
            keys.add("adb-port:" + (Integer.parseInt(emulator.group(1)) + 1));
        } else if (loopback.matches()) {
            keys.add("adb-port:" + loopback.group(1));
        }
        String serialNo = state == null ? null : state.props().get("ro.serialno");
        if (serialNo != null && !serialNo.isBlank() && !"unknown".equals(serialNo)) {
            keys.add("ro.serialno:" + serialNo);
        }
        return keys;
    }
}
