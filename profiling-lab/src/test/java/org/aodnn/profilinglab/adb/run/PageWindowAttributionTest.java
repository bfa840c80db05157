package org.aodnn.profilinglab.adb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.repo.LayerTimingRepository.LayerTiming;
import org.aodnn.profilinglab.adb.energy.ClockOffset;
import org.aodnn.profilinglab.adb.energy.EnergyAttribution;
import org.aodnn.profilinglab.adb.energy.LayerEnergy;
import org.aodnn.profilinglab.adb.energy.LayerWindow;
import org.aodnn.profilinglab.adb.energy.PowerReading;
import org.junit.jupiter.api.Test;

/** Energy attribution to the windows the page reported, placed on the phone's clock. */
class PageWindowAttributionTest {

    /** Page-clock epoch of the synthetic run, µs. */
    static final long T0 = 1_764_145_000_000_000L;
    /** The phone's clock runs 250 ms ahead of the console's (and so of a browser on the console). */
    static final long CONSOLE_TO_DEVICE_US = 250_000;

    /**
     * Device-clock samples every 100 ms over 5 s: 1000 mW idle, 3000 mW from 2.1 s to 2.8 s after T0, i.e. with
     * its ramps strictly inside layer 1's page window [2.0 s, 3.0 s] once that is shifted onto the phone's clock
     * (on the page's clock the window is [1.75 s, 2.75 s]).
     */
    static List<PowerReading> samples() {
        List<PowerReading> s = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            long t = T0 + i * 100_000L;
            double mw = i >= 21 && i <= 28 ? 3000 : 1000;
            s.add(new PowerReading(t, 4000, mw / 4.0, mw, new long[] {2_841_600}));
        }
        return s;
    }

    static LayerTiming page(int layer, double startS, double endS, int runs, OffsetDateTime storedAt) {
        return new LayerTiming("m", layer, "wasm", (endS - startS) * 1000 / runs, runs, storedAt,
                T0 - CONSOLE_TO_DEVICE_US + Math.round(startS * 1e6), T0 - CONSOLE_TO_DEVICE_US + Math.round(endS * 1e6));
    }

    static OffsetDateTime consoleTime(long consoleUs) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(consoleUs / 1_000_000, consoleUs % 1_000_000 * 1000),
                ZoneOffset.UTC);
    }

    @Test
    void aPowerStepInsideOneWindowGoesToThatLayerAlone() {
        // All rows were stored late (at 4.9 s): windows derived from that would all end there and miss the step.
        OffsetDateTime late = consoleTime(T0 - CONSOLE_TO_DEVICE_US + 4_900_000);
        List<LayerTiming> rows = List.of(page(0, 0.5, 1.5, 10, late), page(1, 2.0, 3.0, 20, late),
                page(2, 3.5, 4.0, 5, late));
        long pageToDevice = PhoneEnergyRun.pageToDeviceUs(new ClockOffset(CONSOLE_TO_DEVICE_US, 800), true);
        assertEquals(CONSOLE_TO_DEVICE_US, pageToDevice, "a browser on this computer reads the console's clock");

        List<LayerWindow> windows = PhoneEnergyRun.layerWindows(rows, pageToDevice, CONSOLE_TO_DEVICE_US);
        assertEquals(T0 + 2_000_000, windows.get(1).startUs());
        assertEquals(T0 + 3_000_000, windows.get(1).endUs());
        List<LayerEnergy> e = EnergyAttribution.attribute(samples(), 1000, windows);
        // Above the baseline: two 100 ms ramps averaging +1000 mW (100 mJ each) and 0.7 s at +2000 mW.
        assertEquals(1600, e.get(1).windowEnergyMj(), 1e-6);
        assertEquals(80, e.get(1).energyPerRunMj(), 1e-6);
        assertEquals(0, e.get(0).windowEnergyMj(), 1e-6);
        assertEquals(0, e.get(2).windowEnergyMj(), 1e-6);
    }

    @Test
    void withoutTheShiftTheStepWouldBeSplit() {
        OffsetDateTime late = consoleTime(T0 - CONSOLE_TO_DEVICE_US + 4_900_000);
        List<LayerWindow> unshifted = PhoneEnergyRun.layerWindows(List.of(page(1, 2.0, 3.0, 20, late)), 0, 0);
        double e = EnergyAttribution.attribute(samples(), 1000, unshifted).get(0).windowEnergyMj();
        // [1.75 s, 2.75 s] on the phone's clock: the ramp up (100 mJ) and 0.65 s of the step (1300 mJ) only.
        assertEquals(1400, e, 1e-6, "the 250 ms clock offset matters");
    }

    @Test
    void aBrowserOnThePhoneSharesThePhonesClock() {
        assertEquals(0, PhoneEnergyRun.pageToDeviceUs(new ClockOffset(-3_000_000, 900), false));
    }

    @Test
    void onlyARowWithoutAPageWindowGetsADerivedWindow() {
        long storedConsoleUs = T0 + 4_000_000;
        LayerTiming old = new LayerTiming("m", 7, "wasm", 2.5, 40, consoleTime(storedConsoleUs), null, null);
        LayerTiming reported = page(8, 1.0, 1.2, 40, consoleTime(storedConsoleUs));
        List<LayerWindow> w = PhoneEnergyRun.layerWindows(List.of(old, reported), 0, CONSOLE_TO_DEVICE_US);
        assertEquals(storedConsoleUs + CONSOLE_TO_DEVICE_US, w.get(0).endUs(), "derived: ends when the row was stored");
        assertEquals(w.get(0).endUs() - 100_000, w.get(0).startUs(), "derived: runs × median long");
        assertEquals(T0 - CONSOLE_TO_DEVICE_US + 1_000_000, w.get(1).startUs(), "the page's window, unshifted on a phone");
        assertEquals(T0 - CONSOLE_TO_DEVICE_US + 1_200_000, w.get(1).endUs());
    }
}
