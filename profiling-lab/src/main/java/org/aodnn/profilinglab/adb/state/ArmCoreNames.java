package org.aodnn.profilinglab.adb.state;

import java.util.Locale;
import java.util.Map;

/** Names of ARM cores by implementer and part id, as listed in the Arm and vendor technical reference manuals. */
final class ArmCoreNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("0x41:0xd03", "Cortex-A53"), Map.entry("0x41:0xd04", "Cortex-A35"),
            Map.entry("0x41:0xd05", "Cortex-A55"), Map.entry("0x41:0xd07", "Cortex-A57"),
            Map.entry("0x41:0xd08", "Cortex-A72"), Map.entry("0x41:0xd09", "Cortex-A73"),
            Map.entry("0x41:0xd0a", "Cortex-A75"), Map.entry("0x41:0xd0b", "Cortex-A76"),
            Map.entry("0x41:0xd0d", "Cortex-A77"), Map.entry("0x41:0xd41", "Cortex-A78"),
            Map.entry("0x41:0xd44", "Cortex-X1"), Map.entry("0x41:0xd46", "Cortex-A510"),
            Map.entry("0x41:0xd47", "Cortex-A710"), Map.entry("0x41:0xd48", "Cortex-X2"),
            Map.entry("0x41:0xd4d", "Cortex-A715"), Map.entry("0x41:0xd4e", "Cortex-X3"),
            Map.entry("0x41:0xd80", "Cortex-A520"), Map.entry("0x41:0xd81", "Cortex-A720"),
            Map.entry("0x41:0xd82", "Cortex-X4"), Map.entry("0x41:0xc07", "Cortex-A7"),
            Map.entry("0x41:0xc0f", "Cortex-A15"),
            Map.entry("0x51:0x800", "Kryo 2xx Gold"), Map.entry("0x51:0x801", "Kryo 2xx Silver"),
            Map.entry("0x51:0x802", "Kryo 3xx Gold"), Map.entry("0x51:0x803", "Kryo 3xx Silver"),
            Map.entry("0x51:0x804", "Kryo 4xx Gold"), Map.entry("0x51:0x805", "Kryo 4xx Silver"),
            Map.entry("0x51:0x205", "Kryo"), Map.entry("0x51:0x211", "Kryo"),
            Map.entry("0x53:0x001", "Exynos M1"), Map.entry("0x53:0x002", "Exynos M3"),
            Map.entry("0x53:0x003", "Exynos M4"), Map.entry("0x53:0x004", "Exynos M5"));

    private ArmCoreNames() {
    }

    static String name(String implementer, String part) {
        if (implementer == null || part == null) {
            return null;
        }
        return NAMES.get(normalize(implementer) + ":" + normalize(part));
    }

    /** Kernels print ids with varying zero padding ({@code 0x0d05}, {@code 0xd05}). */
    private static String normalize(String hex) {
        String h = hex.trim().toLowerCase(Locale.ROOT);
        if (!h.startsWith("0x")) {
            return h;
        }
        try {
            return String.format(Locale.ROOT, "0x%0" + (h.length() > 4 ? 3 : 2) + "x", Integer.parseInt(h.substring(2), 16));
        } catch (NumberFormatException e) {
            return h;
        }
    }
}
