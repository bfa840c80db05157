package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How busy the simulated phone's apps are, measured for real: the CPU time (utime + stime from
 * {@code /proc/PID/stat}) that the browser processes it launched on this computer consume, as a number of
 * busy cores. This is what makes the power model's current follow the work a profiled layer really does.
 */
final class HostLoadMonitor {

    /** Linux USER_HZ: /proc reports CPU time in 1/100 s on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Set<ProcessHandle> roots = ConcurrentHashMap.newKeySet();
    private Map<Long, Long> lastTicks = new HashMap<>();
    private long lastNanos = System.nanoTime();

    void track(ProcessHandle root) {
        roots.add(root);
    }

    void untrack(ProcessHandle root) {
        roots.remove(root);
    }

    /** Busy cores since the previous call (0 when nothing runs). */
    synchronized double sampleBusyCores() {
        Map<Long, Long> now = new HashMap<>();
        roots.removeIf(r -> !r.isAlive());
        for (ProcessHandle r : roots) {
            record(r, now);
            r.descendants().forEach(d -> record(d, now));
        }
        long t = System.nanoTime();
        double seconds = (t - lastNanos) / 1e9;
        long delta = 0;
        for (var e : now.entrySet()) {
            Long before = lastTicks.get(e.getKey());
            if (before != null && e.getValue() >= before) {
                delta += e.getValue() - before;
            }
        }
        lastTicks = now;
        lastNanos = t;
        return seconds <= 0 ? 0 : delta / TICKS_PER_SECOND / seconds;
    }

    private static void record(ProcessHandle p, Map<Long, Long> into) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            into.put(p.pid(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            // The process ended between listing and reading: it simply stops counting.
        }
    }
}
