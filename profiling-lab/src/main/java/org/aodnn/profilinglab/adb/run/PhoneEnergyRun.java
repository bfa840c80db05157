package org.aodnn.profilinglab.adb.run;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.repo.LayerTimingRepository;
import org.aodnn.db.repo.LayerTimingRepository.LayerTiming;
import org.aodnn.profilinglab.adb.energy.BatteryStream;
import org.aodnn.profilinglab.adb.energy.ClockOffset;
import org.aodnn.profilinglab.adb.energy.EnergyAttribution;
import org.aodnn.profilinglab.adb.energy.LayerEnergy;
import org.aodnn.profilinglab.adb.energy.LayerWindow;
import org.aodnn.profilinglab.adb.energy.PowerReading;
import org.aodnn.profilinglab.adb.energy.SessionEnergy;

/**
 * After a phone run: stores the raw battery samples and the layers' timed windows, and writes each layer's
 * energy (idle baseline subtracted), median clock and throttling flag into its row.
 *
 * <p>A layer's window is the one the page reported with its result: the wall-clock span of its timed runs on
 * the browser's clock ({@code performance.timeOrigin + performance.now()}), placed on the phone's time line of
 * the power samples by {@link #pageToDeviceUs}. Only a row without a page window (an older row) falls back to a
 * derived window: ending when the row was stored on this computer, spanning runs × median latency, shifted by
 * the console-to-phone offset.
 */
public final class PhoneEnergyRun {

    /** What the attribution found. */
    public record Result(int samples, double sampleRateHz, Double baselineMw, int layers, int layersWithEnergy,
                         int throttledLayers, boolean chargingWhileMeasuring, boolean simulated) {
    }

    private PhoneEnergyRun() {
    }

    public static Result finish(Store store, AdbPhoneTarget target, long sessionId) {
        PhoneSession s = target.lastSession();
        if (s == null || s.sampler == null) {
            return new Result(0, 0, null, 0, 0, 0, false, target.state() != null && target.state().simulated());
        }
        synchronized (s) {
            if (s.energyResult == null) {
                s.close(); // idempotent; makes sure the stream is finished before reading it
            }
            if (s.energyResult == null) {
                s.energyResult = attribute(store, target, s, sessionId);
            }
            return s.energyResult;
        }
    }

    /**
     * The phone's clock minus the page's clock, in µs. The power samples carry the phone's timestamps
     * ({@code CLOCK_REALTIME} read by the sampling shell); the page's windows are epoch times on the clock of the
     * machine its browser runs on.
     * <ul>
     * <li>A real phone: the browser runs on the phone, so its epoch clock is the phone's realtime clock — the
     * very clock of the samples — and the offset is 0. The console-to-phone offset {@link ClockOffset} estimated
     * before the run does not apply to the page's windows; it still places what the console saw (the idle
     * baseline, derived windows) on the phone's time line. (timeOrigin + the monotonic now() can drift from the
     * realtime clock only by what NTP slews during one page load: milliseconds, well under the ≥ 100 ms
     * between battery samples.)</li>
     * <li>The virtual phone: its {@code am start} opens the page in this computer's Chromium, so the page's
     * clock is the console's clock, and the estimated console-to-phone offset is exactly the shift needed (it
     * is about 0, since the simulator's clock is this computer's, but it is measured rather than assumed).</li>
     * </ul>
     */
    static long pageToDeviceUs(ClockOffset consoleToDevice, boolean browserOnThisComputer) {
        return browserOnThisComputer ? consoleToDevice.offsetUs() : 0;
    }

    /**
     * Each stored layer's window on the phone's time line: the page's window shifted by {@code pageToDeviceUs},
     * or, for a row without one, the derived window (stored at, minus runs × median) shifted by
     * {@code consoleToDeviceUs}.
     */
    static List<LayerWindow> layerWindows(List<LayerTiming> timings, long pageToDeviceUs, long consoleToDeviceUs) {
        List<LayerWindow> windows = new ArrayList<>();
        for (LayerTiming t : timings) {
            if (t.hasPageWindow()) {
                windows.add(new LayerWindow(t.model(), t.layerIndex(), t.backend(), t.windowStartUs() + pageToDeviceUs,
                        t.windowEndUs() + pageToDeviceUs, t.reps()));
                continue;
            }
            long endHostUs = ClockOffset.epochUs(t.measuredAt().toInstant());
            long end = endHostUs + consoleToDeviceUs;
            long start = end - Math.max(1, Math.round(t.reps() * t.latencyMs() * 1000));
            windows.add(new LayerWindow(t.model(), t.layerIndex(), t.backend(), start, end, t.reps()));
        }
        return windows;
    }

    private static Result attribute(Store store, AdbPhoneTarget target, PhoneSession s, long sessionId) {
        List<PowerReading> readings = BatteryStream.convert(s.sampler.snapshot(), s.convention);
        boolean simulated = target.state().simulated();
        SessionEnergy energy = new SessionEnergy(store);
        if (readings.isEmpty()) {
            return new Result(0, 0, null, 0, 0, 0, s.chargingWhileMeasuring, simulated);
        }
        long offset = s.clock.offsetUs();
        List<PowerReading> idle = readings.stream()
                .filter(r -> r.deviceTimeUs() >= s.baselineStartUs + offset && r.deviceTimeUs() <= s.baselineEndUs + offset)
                .toList();
        Double baseline = idle.isEmpty() ? null : EnergyAttribution.baselineMw(idle);
        List<LayerWindow> windows = layerWindows(new LayerTimingRepository(store.dsl()).bySession(sessionId),
                pageToDeviceUs(s.clock, simulated), offset);
        List<LayerEnergy> energies = baseline == null ? List.of()
                : EnergyAttribution.attribute(readings, baseline, windows);
        energy.saveSamples(sessionId, simulated ? SessionEnergy.SOURCE_SIMULATED : SessionEnergy.SOURCE_BATTERY, readings);
        energy.saveWindows(sessionId, windows);
        if (!energies.isEmpty()) {
            energy.apply(sessionId, energies);
        }
        double span = (readings.get(readings.size() - 1).deviceTimeUs() - readings.get(0).deviceTimeUs()) / 1e6;
        return new Result(readings.size(), span > 0 ? (readings.size() - 1) / span : 0, baseline, windows.size(),
                (int) energies.stream().filter(e -> e.energyPerRunMj() != null).count(),
                (int) energies.stream().filter(LayerEnergy::throttled).count(), s.chargingWhileMeasuring, simulated);
    }
}
