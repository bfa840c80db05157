package org.aodnn.profilinglab.adb.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads thermal zones from {@code grep . /sys/class/thermal/thermal_zone*&#47;type ...&#47;temp} output
 * ({@code path:value} lines). Kernels report millidegrees almost everywhere, but some vendor drivers report
 * degrees or tenths: values are scaled to a plausible range. Zones whose temp cannot be read (disabled
 * sensors answer with an error on stderr) keep a null temperature.
 */
public final class ThermalParser {

    public static final String COMMAND = "grep . /sys/class/thermal/thermal_zone*/type /sys/class/thermal/thermal_zone*/temp";
    private static final Pattern PATH = Pattern.compile("thermal_zone(\\d+)/(type|temp)$");

    private ThermalParser() {
    }

    public static List<ThermalZone> parse(String output) {
        Map<Integer, String[]> zones = new TreeMap<>();
        String[] lines = output.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            Matcher m = colon < 0 ? null : PATH.matcher(line.substring(0, colon));
            if (m == null || !m.find()) {
                throw DeviceOutputException.at("thermal zones", i + 1, "expected '.../thermal_zoneN/type:value' or"
                        + " '.../temp:value' but found '" + GetpropParser.abbreviate(line) + "'");
            }
            String[] z = zones.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new String[2]);
            z[m.group(2).equals("type") ? 0 : 1] = line.substring(colon + 1).trim();
        }
        List<ThermalZone> out = new ArrayList<>();
        zones.forEach((index, z) -> out.add(new ThermalZone(index, z[0], celsius(z[1], index))));
        return out;
    }

    static Double celsius(String raw, int zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new DeviceOutputException("thermal_zone" + zone + "/temp: '" + raw + "' is not a number");
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return v / 1000.0;
        }
        if (a >= 200) {
            return v / 10.0;
        }
        return v;
    }
}
