package org.aodnn.profilinglab.adb.energy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.repo.ProfilingSessionRepository;

/**
 * Imports a Monsoon capture for a session: places its samples on the device time line (capture start = the
 * given time, else the session's start), stores them as raw samples with source {@code monsoon}, and — when
 * the session's layer windows are known — attributes energy from them, the baseline being the capture's
 * samples before the first window (at least one second of them) or a given value.
 */
public final class MonsoonImport {

    public record Result(int samples, int layersUpdated, Double baselineMw, int replacedSamples) {
    }

    private MonsoonImport() {
    }

    public static Result run(Store store, long sessionId, Path csv, Long captureStartUs, Double baselineMw)
            throws IOException {
        ProfilingSessionInfo session = new ProfilingSessionRepository(store.dsl()).find(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no profiling session " + sessionId));
        List<MonsoonCsv.Sample> raw = MonsoonCsv.read(csv);
        long start = captureStartUs != null ? captureStartUs
                : ClockOffset.epochUs(session.startedAt().toInstant());
        List<PowerReading> readings = new ArrayList<>(raw.size());
        for (MonsoonCsv.Sample s : raw) {
            readings.add(new PowerReading(start + s.offsetUs(), s.voltageMv(), s.currentMa(), s.powerMw(), new long[0]));
        }
        SessionEnergy energy = new SessionEnergy(store);
        List<LayerWindow> windows = energy.windows(sessionId);
        Double baseline = baselineMw;
        if (baseline == null && !windows.isEmpty()) {
            long firstStart = windows.stream().mapToLong(LayerWindow::startUs).min().orElseThrow();
            List<PowerReading> idle = readings.stream().filter(r -> r.deviceTimeUs() < firstStart).toList();
            if (idle.size() >= 2 && idle.get(idle.size() - 1).deviceTimeUs() - idle.get(0).deviceTimeUs() >= 1_000_000) {
                baseline = EnergyAttribution.baselineMw(idle);
            }
        }
        if (!windows.isEmpty() && baseline == null) {
            throw new IllegalArgumentException("the capture has less than one second before the first layer window: "
                    + "give the idle power with --baseline-mw");
        }
        // Validate everything before storing anything: the attribution runs first.
        List<LayerEnergy> energies = windows.isEmpty() ? List.of()
                : EnergyAttribution.attribute(readings, baseline, windows);
        int replaced = energy.saveSamples(sessionId, SessionEnergy.SOURCE_MONSOON, readings);
        int updated = energies.isEmpty() ? 0 : energy.apply(sessionId, energies.stream()
                .map(e -> new LayerEnergy(e.window(), e.windowEnergyMj(), e.energyPerRunMj(), e.samples(), null, false))
                .toList());
        return new Result(readings.size(), updated, baseline, replaced);
    }
}
