package org.aodnn.profilinglab.adb.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code dumpsys battery}. Fields are {@code key: value} lines under "Current Battery Service state:";
 * devices differ in which keys they print (Samsung adds many, old releases lack "Charge counter"), and a
 * {@code dumpsys battery set ...} override adds "(UPDATES STOPPED ...)" lines, which are skipped.
 * {@code voltage} is in mV (a few old devices print V or µV: normalised), {@code temperature} in tenths of °C.
 */
public final class BatteryParser {

    private BatteryParser() {
    }

    public static BatteryState parse(String output) {
        Map<String, String> f = new LinkedHashMap<>();
        String[] lines = output.split("\r?\n");
        boolean sawHeader = false;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.startsWith("Current Battery Service state")) {
                sawHeader = true;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            f.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        if (!sawHeader && !f.containsKey("level")) {
            throw new DeviceOutputException("dumpsys battery: no 'Current Battery Service state' and no 'level' in the reply"
                    + (output.isBlank() ? " (empty reply)" : ": '" + GetpropParser.abbreviate(output.strip()) + "'"));
        }
        return new BatteryState(integer(f, "level"), integer(f, "scale"), status(f.get("status")),
                health(f.get("health")), bool(f, "AC powered"), bool(f, "USB powered"), bool(f, "Wireless powered"),
                voltageMv(f.get("voltage")), tenthsC(f.get("temperature")), f.get("technology"),
                longValue(f, "Charge counter"), null);
    }

    /** BatteryManager.BATTERY_STATUS_* codes. */
    static String status(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim()) {
            case "1" -> "unknown";
            case "2" -> "charging";
            case "3" -> "discharging";
            case "4" -> "not-charging";
            case "5" -> "full";
            default -> code.trim();
        };
    }

    /** BatteryManager.BATTERY_HEALTH_* codes. */
    static String health(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim()) {
            case "1" -> "unknown";
            case "2" -> "good";
            case "3" -> "overheat";
            case "4" -> "dead";
            case "5" -> "over-voltage";
            case "6" -> "failure";
            case "7" -> "cold";
            default -> code.trim();
        };
    }

    private static Double voltageMv(String s) {
        Double v = number(s, "voltage");
        if (v == null) {
            return null;
        }
        if (v > 0 && v < 10) {
            return v * 1000; // volts
        }
        if (v > 100_000) {
            return v / 1000; // microvolts
        }
        return v;
    }

    private static Double tenthsC(String s) {
        Double v = number(s, "temperature");
        return v == null ? null : v / 10.0;
    }

    private static Integer integer(Map<String, String> f, String key) {
        Double v = number(f.get(key), key);
        return v == null ? null : v.intValue();
    }

    private static Long longValue(Map<String, String> f, String key) {
        Double v = number(f.get(key), key);
        return v == null ? null : v.longValue();
    }

    private static boolean bool(Map<String, String> f, String key) {
        return "true".equalsIgnoreCase(f.get(key));
    }

    private static Double number(String s, String key) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new DeviceOutputException("dumpsys battery: " + key + " '" + s + "' is not a number");
        }
    }
}
