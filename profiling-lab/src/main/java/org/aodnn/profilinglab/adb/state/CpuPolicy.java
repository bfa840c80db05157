package org.aodnn.profilinglab.adb.state;

import java.util.List;

/**
 * One cpufreq policy (a cluster of cores that share a clock): {@code /sys/devices/system/cpu/cpufreq/policyN}.
 * Frequencies are in kHz as the kernel reports them; a value the device does not expose is null (lists empty).
 */
public record CpuPolicy(int id, List<Integer> relatedCpus, List<Long> availableFreqsKhz,
                        List<String> availableGovernors, String governor, Long curFreqKhz, Long cpuinfoMinKhz,
                        Long cpuinfoMaxKhz, Long scalingMinKhz, Long scalingMaxKhz) {

    /** The sysfs directory of this policy. */
    public String sysfsDir() {
        return CpufreqParser.POLICY_ROOT + "/policy" + id;
    }

    /** True when the frequency is one the policy can run at (any value within limits when the list is absent). */
    public boolean supportsFrequency(long khz) {
        if (!availableFreqsKhz.isEmpty()) {
            return availableFreqsKhz.contains(khz);
        }
        return (cpuinfoMinKhz == null || khz >= cpuinfoMinKhz) && (cpuinfoMaxKhz == null || khz <= cpuinfoMaxKhz);
    }
}
