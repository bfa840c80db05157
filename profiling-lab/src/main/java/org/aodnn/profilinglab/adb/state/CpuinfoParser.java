package org.aodnn.profilinglab.adb.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /proc/cpuinfo} in the forms Android kernels print: arm64 (one block per processor with
 * {@code CPU implementer}/{@code CPU part}), old 32-bit ARM (a {@code Processor} header line, a trailing
 * {@code Hardware} line), and x86 emulators ({@code model name}). Blocks are separated by blank lines; lines
 * are {@code key<tabs/spaces>: value}.
 */
public final class CpuinfoParser {

    private CpuinfoParser() {
    }

    public static CpuInfo parse(String output) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> global = new LinkedHashMap<>();
        Map<String, String> current = null;
        String[] lines = output.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                current = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw DeviceOutputException.at("/proc/cpuinfo", i + 1, "expected 'key : value' but found '"
                        + GetpropParser.abbreviate(line) + "'");
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("processor")) {
                if (!value.matches("\\d+")) {
                    throw DeviceOutputException.at("/proc/cpuinfo", i + 1, "processor number '" + value + "' is not a number");
                }
                current = new LinkedHashMap<>();
                blocks.add(current);
            }
            if (current != null) {
                current.put(key, value);
            } else {
                // Lines outside a processor block (old ARM header, Hardware/Revision/Serial trailer).
                global.put(key, value);
            }
        }
        List<CpuCore> cores = new ArrayList<>();
        for (Map<String, String> b : blocks) {
            // Old 32-bit ARM kernels print the core ids once, after the processor list.
            String implementer = b.getOrDefault("CPU implementer", global.get("CPU implementer"));
            String part = b.getOrDefault("CPU part", global.get("CPU part"));
            String name = ArmCoreNames.name(implementer, part);
            if (name == null) {
                name = b.get("model name");
            }
            cores.add(new CpuCore(Integer.parseInt(b.get("processor")), implementer, part,
                    b.getOrDefault("CPU variant", global.get("CPU variant")),
                    b.getOrDefault("CPU revision", global.get("CPU revision")),
                    b.getOrDefault("CPU architecture", global.get("CPU architecture")), name,
                    parseDouble(b.getOrDefault("BogoMIPS", b.get("bogomips")))));
        }
        String featuresLine = null;
        for (Map<String, String> b : blocks) {
            featuresLine = b.getOrDefault("Features", b.get("flags"));
            if (featuresLine != null) {
                break;
            }
        }
        if (featuresLine == null) {
            featuresLine = global.get("Features");
        }
        List<String> features = featuresLine == null || featuresLine.isBlank() ? List.of()
                : List.of(featuresLine.trim().split("\\s+"));
        if (cores.isEmpty()) {
            throw new DeviceOutputException("/proc/cpuinfo: no 'processor' entries found");
        }
        return new CpuInfo(cores, features, global.get("Hardware"));
    }

    private static Double parseDouble(String s) {
        try {
            return s == null ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
