package org.aodnn.profilinglab.job;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which layers of a model to profile, written like {@code 0-10,15,20-}: inclusive ranges, single indexes
 * and open-ended ranges. The empty selection text means every layer.
 */
public final class LayerSelection {

    private static final Pattern PART = Pattern.compile("(\\d{1,6})(?:(-)(\\d{1,6})?)?");

    private final String text;
    private final List<int[]> ranges;

    private LayerSelection(String text, List<int[]> ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    public static LayerSelection all() {
        return new LayerSelection("", List.of());
    }

    /** Parses a selection; the message of the exception names the part that is wrong. */
    public static LayerSelection parse(String text) {
        if (text == null || text.isBlank()) {
            return all();
        }
        List<int[]> ranges = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String part = raw.trim();
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("layer selection '" + text + "': '" + part
                        + "' is not an index or a range like 0-10");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : m.group(3) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(3));
            if (to < from) {
                throw new IllegalArgumentException("layer selection '" + text + "': range '" + part + "' runs backwards");
            }
            ranges.add(new int[] {from, to});
        }
        return new LayerSelection(text.trim(), List.copyOf(ranges));
    }

    public boolean isAll() {
        return ranges.isEmpty();
    }

    public boolean includes(int layerIndex) {
        if (ranges.isEmpty()) {
            return true;
        }
        for (int[] r : ranges) {
            if (layerIndex >= r[0] && layerIndex <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** The largest index named explicitly (not by an open range), or -1. */
    int largestExplicitIndex() {
        int max = -1;
        for (int[] r : ranges) {
            max = Math.max(max, r[1] == Integer.MAX_VALUE ? r[0] : r[1]);
        }
        return max;
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "all" : text;
    }
}
