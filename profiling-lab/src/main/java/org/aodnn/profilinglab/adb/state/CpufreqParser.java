package org.aodnn.profilinglab.adb.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cpufreq sysfs as printed by {@code grep . FILES} ({@code path:value} per line), the single command
 * that dumps every readable file of every policy at once. Paths may be relative to the cpufreq directory
 * ({@code policy0/scaling_governor}), absolute, or per-CPU on old kernels without policy directories
 * ({@code /sys/devices/system/cpu/cpu4/cpufreq/scaling_governor}); per-CPU entries with the same
 * {@code related_cpus} collapse into one policy named after its first CPU.
 */
public final class CpufreqParser {

    public static final String POLICY_ROOT = "/sys/devices/system/cpu/cpufreq";
    /** The command whose output this parser reads (toybox and busybox grep both prefix file names). */
    public static final String COMMAND = "cd " + POLICY_ROOT + " && grep . policy*/*";

    private static final Pattern POLICY = Pattern.compile("(?:^|/)policy(\\d+)/([a-z_]+)$");
    private static final Pattern PER_CPU = Pattern.compile("(?:^|/)cpu(\\d+)/cpufreq/([a-z_]+)$");

    private CpufreqParser() {
    }

    public static List<CpuPolicy> parse(String output) {
        Map<Integer, Map<String, String>> byPolicy = new TreeMap<>();
        String[] lines = output.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw DeviceOutputException.at("cpufreq sysfs", i + 1, "expected 'path:value' but found '"
                        + GetpropParser.abbreviate(line) + "'");
            }
            String path = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            Matcher m = POLICY.matcher(path);
            if (!m.find()) {
                m = PER_CPU.matcher(path);
                if (!m.find()) {
                    continue; // stats/ and vendor files are not needed
                }
            }
            byPolicy.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new LinkedHashMap<>()).put(m.group(2), value);
        }
        List<CpuPolicy> policies = new ArrayList<>();
        List<List<Integer>> seen = new ArrayList<>();
        for (var e : byPolicy.entrySet()) {
            Map<String, String> f = e.getValue();
            String where = "cpufreq policy" + e.getKey();
            List<Integer> related = ints(f.getOrDefault("related_cpus", f.get("affected_cpus")), where);
            if (related.isEmpty()) {
                related = List.of(e.getKey());
            }
            if (seen.contains(related)) {
                continue;
            }
            seen.add(related);
            List<Long> freqs = longs(f.get("scaling_available_frequencies"), where).stream().sorted().toList();
            List<String> governors = words(f.get("scaling_available_governors"));
            policies.add(new CpuPolicy(e.getKey(), related, freqs,
                    governors, f.get("scaling_governor"), khz(f.get("scaling_cur_freq"), where),
                    khz(f.get("cpuinfo_min_freq"), where), khz(f.get("cpuinfo_max_freq"), where),
                    khz(f.get("scaling_min_freq"), where), khz(f.get("scaling_max_freq"), where)));
        }
        return policies;
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private static List<Integer> ints(String s, String where) {
        List<Integer> out = new ArrayList<>();
        for (String w : words(s)) {
            try {
                out.add(Integer.valueOf(w));
            } catch (NumberFormatException e) {
                throw new DeviceOutputException(where + ": CPU number '" + w + "' is not a number");
            }
        }
        return out;
    }

    private static List<Long> longs(String s, String where) {
        List<Long> out = new ArrayList<>();
        for (String w : words(s)) {
            out.add(khz(w, where));
        }
        return out;
    }

    private static Long khz(String s, String where) {
        if (s == null || s.isBlank() || s.startsWith("<")) {
            return null; // "<unknown>" or "<unsupported>" from the kernel
        }
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new DeviceOutputException(where + ": frequency '" + s + "' is not a number of kHz");
        }
    }
}
