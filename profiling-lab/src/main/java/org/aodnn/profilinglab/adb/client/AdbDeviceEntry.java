package org.aodnn.profilinglab.adb.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the adb server's {@code host:devices-l} reply: serial, state ({@code device}, {@code offline},
 * {@code unauthorized}, {@code recovery}, {@code sideload}, {@code bootloader}, {@code no permissions ...})
 * and the {@code key:value} details (product, model, device, usb, transport_id).
 */
public record AdbDeviceEntry(String serial, String state, Map<String, String> details) {

    public static final String ONLINE = "device";

    /** Only devices in state {@code device} can be opened; others are listed but never touched. */
    public boolean usable() {
        return ONLINE.equals(state);
    }

    public String model() {
        return details.get("model");
    }

    /** Parses the reply; malformed lines are skipped rather than failing the list (one odd phone must not hide the rest). */
    public static List<AdbDeviceEntry> parseDevicesLong(String text) {
        List<AdbDeviceEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // The serial is separated by whitespace; the state can contain spaces ("no permissions (...)").
            String[] head = line.trim().split("\\s+", 2);
            if (head.length < 2) {
                continue;
            }
            String serial = head[0];
            String rest = head[1].trim();
            Map<String, String> details = new LinkedHashMap<>();
            String state;
            int firstDetail = indexOfFirstDetail(rest);
            if (firstDetail < 0) {
                state = rest;
            } else {
                state = rest.substring(0, firstDetail).trim();
                for (String kv : rest.substring(firstDetail).trim().split("\\s+")) {
                    int colon = kv.indexOf(':');
                    if (colon > 0) {
                        details.put(kv.substring(0, colon), kv.substring(colon + 1));
                    }
                }
            }
            out.add(new AdbDeviceEntry(serial, state, details));
        }
        return out;
    }

    private static int indexOfFirstDetail(String rest) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?:^|\\s)(usb|product|model|device|transport_id|features):").matcher(rest);
        return m.find() ? m.start() : -1;
    }
}
