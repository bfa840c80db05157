package org.aodnn.profilinglab.adb.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits the output of a probe script whose parts are introduced by {@code @@name} marker lines, so that a
 * whole device reading costs one shell round trip.
 */
public final class ProbeSections {

    public static final String MARKER = "@@";

    private ProbeSections() {
    }

    public static String marker(String name) {
        return "echo " + MARKER + name;
    }

    public static Map<String, String> split(String output) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\r?\n", -1)) {
            if (line.startsWith(MARKER)) {
                if (name != null) {
                    sections.put(name, body.toString());
                }
                name = line.substring(MARKER.length()).trim();
                body.setLength(0);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            sections.put(name, body.toString());
        }
        return sections;
    }
}
