package org.aodnn.profilinglab.adb.energy;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerWindowRow;
import org.aodnn.db.domain.PowerSampleRow;
import org.aodnn.db.repo.LayerEnergyRepository;
import org.aodnn.db.repo.LayerWindowRepository;
import org.aodnn.db.repo.PowerSampleRepository;

/** Stores a session's raw power samples and windows, and writes the attributed energy into its layer rows. */
public final class SessionEnergy {

    public static final String SOURCE_BATTERY = "adb-battery";
    public static final String SOURCE_SIMULATED = "simulated-battery";
    public static final String SOURCE_MONSOON = "monsoon";

    private final Store store;

    public SessionEnergy(Store store) {
        this.store = store;
    }

    /**
     * Stores the session's samples of {@code source}, replacing earlier ones of the same source (a capture
     * imported again must not count twice); returns how many earlier samples were replaced.
     */
    public int saveSamples(long sessionId, String source, List<PowerReading> samples) {
        List<PowerSampleRow> rows = new ArrayList<>(samples.size());
        for (PowerReading p : samples) {
            rows.add(new PowerSampleRow(sessionId, source, p.deviceTimeUs(), p.voltageMv(), p.currentMa(), p.powerMw()));
        }
        return new PowerSampleRepository(store.dsl()).replace(sessionId, source, rows);
    }

    public void saveWindows(long sessionId, List<LayerWindow> windows) {
        List<LayerWindowRow> rows = new ArrayList<>();
        for (LayerWindow w : windows) {
            rows.add(new LayerWindowRow(sessionId, w.model(), w.layerIndex(), w.backend(), w.startUs(), w.endUs(),
                    w.runs()));
        }
        new LayerWindowRepository(store.dsl()).addAll(rows);
    }

    public List<LayerWindow> windows(long sessionId) {
        List<LayerWindow> out = new ArrayList<>();
        for (LayerWindowRow r : new LayerWindowRepository(store.dsl()).bySession(sessionId)) {
            out.add(new LayerWindow(r.model(), r.layerIndex(), r.backend(), r.startUs(), r.endUs(), r.runs()));
        }
        return out;
    }

    /** Writes energy per run (mJ), median clock and the throttling flag into the session's layer rows. */
    public int apply(long sessionId, List<LayerEnergy> energies) {
        List<LayerEnergyRepository.LayerEnergy> rows = new ArrayList<>();
        for (LayerEnergy e : energies) {
            rows.add(new LayerEnergyRepository.LayerEnergy(e.window().model(), e.window().layerIndex(),
                    e.window().backend(), e.energyPerRunMj(), e.medianFreqKhz(), e.throttled()));
        }
        return new LayerEnergyRepository(store.dsl()).update(sessionId, rows);
    }
}
