package org.aodnn.profilinglab.adb.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.profilinglab.adb.state.BatteryState;
import org.aodnn.profilinglab.adb.state.CurrentConvention;
import org.aodnn.profilinglab.adb.state.DeviceOutputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyAttributionTest {

    /** 1000 mW idle, 3000 mW between 1.0 s and 2.0 s; samples every 100 ms; clocks 2.8 GHz, dropping at 1.5 s. */
    static List<PowerReading> trace(boolean throttle) {
        List<PowerReading> s = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            long t = 1_000_000_000L + i * 100_000L;
            double mw = i >= 10 && i <= 20 ? 3000 : 1000;
            long f = throttle && i >= 15 && i <= 20 ? 1_990_000 : 2_841_600;
            s.add(new PowerReading(t, 4000, mw / 4.0, mw, new long[] {1_804_800, f}));
        }
        return s;
    }

    @Test
    void energyAboveBaselinePerRun() {
        List<PowerReading> s = trace(false);
        double baseline = EnergyAttribution.baselineMw(s.subList(0, 9));
        assertEquals(1000, baseline, 1e-9);
        LayerWindow w = new LayerWindow("m", 3, "wasm", 1_001_000_000L, 1_002_000_000L, 10);
        LayerEnergy e = EnergyAttribution.attribute(s, baseline, List.of(w)).get(0);
        assertEquals(2000, e.windowEnergyMj(), 1e-6); // 2 W above baseline for 1 s
        assertEquals(200, e.energyPerRunMj(), 1e-6);
        assertEquals(2_841_600L, e.medianFreqKhz());
        assertFalse(e.throttled());
        assertEquals(11, e.samples());
    }

    @Test
    void shortWindowBetweenSamplesIsInterpolated() {
        List<PowerReading> s = trace(false);
        // 20 ms inside the ramp from 1000 mW (0.9 s) to 3000 mW (1.0 s): 2000..2400 mW.
        LayerWindow w = new LayerWindow("m", 0, "cpu", 1_000_950_000L, 1_000_970_000L, 1);
        LayerEnergy e = EnergyAttribution.attribute(s, 1000, List.of(w)).get(0);
        assertEquals((2000 + 2400) / 2.0 * 0.02 - 1000 * 0.02, e.windowEnergyMj(), 1e-6);
        assertEquals(0, e.samples());
    }

    @Test
    void uncoveredWindowHasNoEnergyAndClockDropIsThrottling() {
        List<PowerReading> s = trace(true);
        List<LayerEnergy> e = EnergyAttribution.attribute(s, 1000, List.of(
                new LayerWindow("m", 1, "wasm", 1_001_000_000L, 1_002_000_000L, 5),
                new LayerWindow("m", 2, "wasm", 1_002_900_000L, 1_004_000_000L, 5)));
        assertTrue(e.get(0).throttled(), "2.84 -> 1.99 GHz is a 30 % drop");
        assertNull(e.get(1).energyPerRunMj());
        assertThrows(IllegalArgumentException.class, () -> new LayerWindow("m", 1, "x", 5, 4, 1));
    }

    @Test
    void batteryStreamLinesWithConvention() {
        BatteryStream.RawLine l = BatteryStream.parse("1700000000123456789 3987000 -412000 1804800 2841600", 1, 2);
        BatteryState discharging = new BatteryState(50, 100, "discharging", "good", false, false, false, 3987.0, 30.0,
                "Li-ion", null, null);
        CurrentConvention c = CurrentConvention.detect(List.of(l.currentRaw()), discharging);
        PowerReading p = BatteryStream.convert(List.of(l), c).get(0);
        assertEquals(1_700_000_000_123_456L, p.deviceTimeUs());
        assertEquals(412.0, p.currentMa(), 1e-9);
        assertEquals(3987 * 412.0 / 1000, p.powerMw(), 1e-9);
        DeviceOutputException bad = assertThrows(DeviceOutputException.class,
                () -> BatteryStream.parse("17000 cat: voltage_now: No such file", 7, 0));
        assertTrue(bad.getMessage().contains("line 7"), bad.getMessage());
        assertTrue(BatteryStream.command(List.of("/a", "/b"), 0.05).contains("sleep 0.050"));
    }

    @Test
    void monsoonPowerToolExport(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("capture.csv");
        Files.writeString(csv, "Time(ms),Main(mA),Usb(mA),Aux(mA),Main Voltage(V)\n"
                + "0,250.5,0,0,4.2\n0.2,251.0,0,0,4.2\n0.4,-0.3,0,0,4.19\n");
        List<MonsoonCsv.Sample> s = MonsoonCsv.read(csv);
        assertEquals(3, s.size());
        assertEquals(200, s.get(1).offsetUs());
        assertEquals(4200, s.get(0).voltageMv(), 1e-9);
        assertEquals(250.5 * 4.2, s.get(0).powerMw(), 1e-9);

        Path avg = tmp.resolve("avg.csv");
        Files.writeString(avg, "Time (s),Main Avg Current (mA),Main Avg Power (mW),Main Avg Voltage (V)\n1.5,100,410,4.1\n");
        assertEquals(410, MonsoonCsv.read(avg).get(0).powerMw(), 1e-9);
        assertEquals(1_500_000, MonsoonCsv.read(avg).get(0).offsetUs());

        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "Time(ms),Main(mA),Main Voltage(V)\n0,1,4.2\n1,abc,4.2\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> MonsoonCsv.read(bad));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("Main(mA)"), e.getMessage());
        Path backwards = tmp.resolve("back.csv");
        Files.writeString(backwards, "Time(ms),Main(mA),Main Voltage(V)\n5,1,4.2\n1,1,4.2\n");
        assertThrows(CsvFormatException.class, () -> MonsoonCsv.read(backwards));
        Path noCurrent = tmp.resolve("nocur.csv");
        Files.writeString(noCurrent, "Time(ms),Usb(mA)\n0,1\n");
        assertThrows(CsvFormatException.class, () -> MonsoonCsv.read(noCurrent));
    }
}
