package org.aodnn.profilinglab.adb.run;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.repo.LayerTimingRepository;
import org.aodnn.db.repo.LayerTimingRepository.LayerTiming;
import org.aodnn.profilinglab.adb.energy.BatteryStream;
import org.aodnn.profilinglab.adb.energy.EnergyAttribution;
import org.aodnn.profilinglab.adb.energy.LayerEnergy;
import org.aodnn.profilinglab.adb.energy.LayerWindow;
import org.aodnn.profilinglab.adb.energy.PowerReading;
import org.aodnn.profilinglab.adb.energy.SessionEnergy;

/**
 * After a phone run: stores the raw battery samples and the layers' timed windows, and writes each layer's
 * energy (idle baseline subtracted), median clock and throttling flag into its row. A layer's timed window
 * ends when its result was stored on this computer (the page posts right after timing) and spans its runs ×
 * median latency; the clock offset measured before the run puts it on the phone's time line.
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
        List<LayerWindow> windows = new ArrayList<>();
        for (LayerTiming t : new LayerTimingRepository(store.dsl()).bySession(sessionId)) {
            long endHostUs = t.measuredAt().toInstant().getEpochSecond() * 1_000_000 + t.measuredAt().getNano() / 1000;
            long end = endHostUs + offset;
            long start = end - Math.max(1, Math.round(t.reps() * t.latencyMs() * 1000));
            windows.add(new LayerWindow(t.model(), t.layerIndex(), t.backend(), start, end, t.reps()));
        }
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
