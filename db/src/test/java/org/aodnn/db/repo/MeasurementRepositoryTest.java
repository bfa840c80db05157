package org.aodnn.db.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementRepositoryTest {

    @TempDir
    Path dir;

    private static final LayerGeometry CONV = new LayerGeometry("Conv2d", "1x3x8x8", "1x4x8x8", 192, 256, 3, 4, 3, 3,
            1, 1, 1, 112, 13824);

    private static LayerMeasurement row(MeasurementKey key, double ms, Double energyMj) {
        return new LayerMeasurement(key, "conv", CONV, ms, ms * 0.9, ms * 1.1, 0.01, 5, 1_800_000L, energyMj, false,
                null);
    }

    @Test
    void storingAKeyAgainUpdatesEveryValueInPlace() {
        try (Store store = Store.open(dir.resolve("m"), false)) {
            MeasurementKey a = new MeasurementKey("phone", "tiny", 0, "browser", 8, "wasm", "Chrome 130");
            MeasurementKey b = new MeasurementKey("phone", "tiny", 1, "browser", 8, "wasm", "Chrome 130");
            store.measurements().upsertAll(List.of(row(a, 1.0, 4.0), row(b, 2.0, null)));
            store.measurements().upsertAll(List.of(row(a, 3.0, null), row(a, 5.0, 7.0)));

            List<LayerMeasurement> stored = store.measurements().find(MeasurementFilter.parse(List.of("platform=phone")));
            assertEquals(2, stored.size());
            LayerMeasurement first = stored.get(0);
            assertEquals(a, first.key());
            assertEquals(5.0, first.latencyMs(), "the last occurrence of a repeated key wins");
            assertEquals(4.5, first.latencyMinMs(), 1e-12);
            assertEquals(7.0, first.energyMj());
            assertEquals(1_800_000L, first.cpuFreqKhz());
            assertEquals(2.0, stored.get(1).latencyMs());
            assertNull(stored.get(1).energyMj());
        }
    }

    @Test
    void profilesWithEnergyCountOnlyTheRowsThatMeasuredIt() {
        try (Store store = Store.open(dir.resolve("e"), false)) {
            MeasurementKey a = new MeasurementKey("phone", "tiny", 0, "browser", 8, "wasm", "Chrome 130");
            MeasurementKey b = new MeasurementKey("phone", "tiny", 1, "browser", 8, "wasm", "Chrome 130");
            MeasurementKey c = new MeasurementKey("phone", "other", 0, "browser", 8, "wasm", "Chrome 130");
            MeasurementKey edge = new MeasurementKey("edge", "tiny", 0, "cpu", 4, "", "");
            store.measurements().upsertAll(List.of(row(a, 1.0, 4.0), row(b, 2.0, null), row(c, 2.0, 1.0),
                    row(edge, 0.5, null)));
            assertEquals(List.of(new MeasurementRepository.ProfileSummary("phone", "browser", "wasm", "Chrome 130", 8, 2, 2)),
                    store.measurements().profilesWithEnergy());
            assertEquals(2, store.measurements().profiles().size(), "every profile, with or without energy");
        }
    }
}
