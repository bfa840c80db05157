package org.aodnn.profilinglab.adb.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the output of {@code getprop}: one {@code [name]: [value]} per line. A value may contain line
 * breaks (some vendors put them in build descriptions); it then continues until a line ending in {@code ]}.
 */
public final class GetpropParser {

    private GetpropParser() {
    }

    public static Map<String, String> parse(String output) {
        Map<String, String> props = new LinkedHashMap<>();
        String[] lines = output.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int sep = line.indexOf("]: [");
            if (!line.startsWith("[") || sep < 0) {
                throw DeviceOutputException.at("getprop", i + 1, "expected '[name]: [value]' but found '"
                        + abbreviate(line) + "'");
            }
            String name = line.substring(1, sep);
            StringBuilder value = new StringBuilder(line.substring(sep + 4));
            int start = i;
            while (!endsValue(value)) {
                if (++i >= lines.length) {
                    throw DeviceOutputException.at("getprop", start + 1, "value of " + name + " is not closed by ']'");
                }
                value.append('\n').append(lines[i]);
            }
            value.setLength(value.length() - 1);
            props.put(name, value.toString());
        }
        return props;
    }

    private static boolean endsValue(StringBuilder value) {
        int n = value.length();
        // Trailing '\r' from a terminal (pty) capture is tolerated.
        while (n > 0 && value.charAt(n - 1) == '\r') {
            value.setLength(--n);
        }
        return n > 0 && value.charAt(n - 1) == ']';
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
