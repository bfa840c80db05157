package org.aodnn.profilinglab.adb.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed {@code /proc/cpuinfo}: the processors, the features of the first one, and the hardware line. */
public record CpuInfo(List<CpuCore> cores, List<String> features, String hardware) {

    /** Cores grouped by micro-architecture (core name, else implementer/part): the big.LITTLE clusters. */
    public Map<String, List<Integer>> coresByKind() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (CpuCore c : cores) {
            String key = c.coreName() != null ? c.coreName()
                    : c.part() != null ? c.implementer() + ":" + c.part() : "unknown";
            groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(c.index());
        }
        return groups;
    }
}
