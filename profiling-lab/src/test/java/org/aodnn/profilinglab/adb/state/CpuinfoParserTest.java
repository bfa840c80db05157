package org.aodnn.profilinglab.adb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuinfoParserTest {

    @Test
    void pixel7HasThreeKindsOfCores() {
        CpuInfo cpu = CpuinfoParser.parse(Fixtures.read("cpuinfo-pixel7-biglittle.txt"));
        assertEquals(8, cpu.cores().size());
        Map<String, List<Integer>> kinds = cpu.coresByKind();
        assertEquals(List.of(0, 1, 2, 3), kinds.get("Cortex-A55"));
        assertEquals(List.of(4, 5), kinds.get("Cortex-A78"));
        assertEquals(List.of(6, 7), kinds.get("Cortex-X1"));
        assertTrue(cpu.features().contains("asimddp"));
        assertEquals(49.15, cpu.cores().get(0).bogomips());
    }

    @Test
    void snapdragon845KryoWithHardwareLine() {
        CpuInfo cpu = CpuinfoParser.parse(Fixtures.read("cpuinfo-sdm845-kryo.txt"));
        assertEquals("Qualcomm Technologies, Inc SDM845", cpu.hardware());
        assertEquals(List.of(0, 1, 2, 3), cpu.coresByKind().get("Kryo 3xx Silver"));
        assertEquals(List.of(4, 5, 6, 7), cpu.coresByKind().get("Kryo 3xx Gold"));
        assertEquals("0x51", cpu.cores().get(7).implementer());
    }

    @Test
    void old32BitArmPrintsCoreIdsOnceAfterTheProcessors() {
        CpuInfo cpu = CpuinfoParser.parse(Fixtures.read("cpuinfo-armv7-mt6580-odd.txt"));
        assertEquals(4, cpu.cores().size());
        assertEquals("MT6580", cpu.hardware());
        assertEquals("Cortex-A7", cpu.cores().get(3).coreName());
        assertEquals("7", cpu.cores().get(0).architecture());
        assertTrue(cpu.features().contains("neon"));
    }

    @Test
    void x86EmulatorUsesModelName() {
        CpuInfo cpu = CpuinfoParser.parse(Fixtures.read("cpuinfo-x86_64-emulator.txt"));
        assertEquals(2, cpu.cores().size());
        assertTrue(cpu.cores().get(0).coreName().contains("i7-8700K"));
        assertTrue(cpu.features().contains("sse4_2"));
    }

    @Test
    void rejectsOutputWithoutProcessors() {
        assertThrows(DeviceOutputException.class, () -> CpuinfoParser.parse("Hardware : X\n"));
        DeviceOutputException e = assertThrows(DeviceOutputException.class,
                () -> CpuinfoParser.parse("processor : 0\ngarbage line\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
