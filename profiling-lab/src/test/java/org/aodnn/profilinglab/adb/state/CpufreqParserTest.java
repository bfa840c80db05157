package org.aodnn.profilinglab.adb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpufreqParserTest {

    @Test
    void pixel7PoliciesWithFrequenciesAndGovernors() {
        List<CpuPolicy> p = CpufreqParser.parse(Fixtures.read("cpufreq-pixel7.txt"));
        assertEquals(List.of(0, 4, 6), p.stream().map(CpuPolicy::id).toList());
        CpuPolicy prime = p.get(2);
        assertEquals(List.of(6, 7), prime.relatedCpus());
        assertEquals(18, prime.availableFreqsKhz().size());
        assertEquals(2_850_000L, prime.cpuinfoMaxKhz());
        assertEquals(500_000L, prime.scalingMinKhz());
        assertEquals("sched_pixel", prime.governor());
        assertTrue(prime.availableGovernors().contains("schedutil"));
        assertEquals(1_098_000L, p.get(0).curFreqKhz());
        assertTrue(prime.supportsFrequency(2_048_000));
        assertFalse(prime.supportsFrequency(2_000_000));
        assertEquals("/sys/devices/system/cpu/cpufreq/policy6", prime.sysfsDir());
    }

    @Test
    void oldKernelPerCpuDirectoriesCollapseIntoClusters() {
        List<CpuPolicy> p = CpufreqParser.parse(Fixtures.read("cpufreq-percpu-old-kernel.txt"));
        assertEquals(2, p.size());
        assertEquals(List.of(0, 1, 2, 3), p.get(0).relatedCpus());
        assertEquals(4, p.get(1).id());
        // The big cluster has no frequency table: any value within the hardware limits is allowed.
        assertTrue(p.get(1).availableFreqsKhz().isEmpty());
        assertTrue(p.get(1).supportsFrequency(1_000_000));
        assertFalse(p.get(1).supportsFrequency(2_500_000));
        assertEquals("interactive", p.get(1).governor());
    }

    @Test
    void unsupportedValuesAreNullAndGarbageIsNamed() {
        List<CpuPolicy> p = CpufreqParser.parse("policy0/scaling_cur_freq:<unknown>\npolicy0/related_cpus:0\n");
        assertNull(p.get(0).curFreqKhz());
        DeviceOutputException e = assertThrows(DeviceOutputException.class,
                () -> CpufreqParser.parse("policy0/scaling_max_freq:fast\n"));
        assertTrue(e.getMessage().contains("policy0") && e.getMessage().contains("fast"), e.getMessage());
        assertTrue(CpufreqParser.parse("").isEmpty());
    }
}
