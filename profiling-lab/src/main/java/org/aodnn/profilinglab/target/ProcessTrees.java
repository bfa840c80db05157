package org.aodnn.profilinglab.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a process and all its descendants (Chromium's zygote, renderers, GPU and utility processes). */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Asks the whole tree to terminate, then kills what is left after {@code grace}. The descendants are
     * listed before anything is signalled: once the parent dies they are re-parented and cannot be found.
     */
    public static void destroy(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        for (ProcessHandle p : all) {
            p.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still alive: killed below
                }
            }
        }
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more can be done from here
            }
        }
    }
}
