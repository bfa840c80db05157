package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.PROFILING_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilingSessionRepositoryTest {

    @TempDir
    Path dir;

    static LayerMeasurement row(long session, int layer) {
        return new LayerMeasurement(new MeasurementKey("local-chromium", "mini", layer, "browser", 2, "wasm",
                "Chromium 156"), "features." + layer, new LayerGeometry("ReLU", "1x8x4x4", "1x8x4x4", 128, 128, 8, 8,
                0, 0, 0, 0, 1, 0, 128), 0.5, 0.4, 0.7, 0.1, 30, null, null, null, session);
    }

    @Test
    void sessionLifecycleWithRowsAsTheyArrive() {
        try (Store store = Store.open(dir.resolve("db"), false)) {
            ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
            long id = sessions.start("local-chromium", "local-chromium", "wasm", "{}", 2);
            sessions.recordEnvironment(id, "Chromium 156", "Mozilla/5.0", 2, true);
            sessions.recordLayer(id, row(id, 0));
            assertThrows(StoreException.class, () -> sessions.recordLayer(id, row(id + 1, 1)), "row of another session");
            ProfilingSessionInfo running = sessions.find(id).orElseThrow();
            assertEquals(ProfilingStatus.RUNNING, running.status());
            assertEquals(1, running.layersMeasured());
            assertEquals(1, store.measurements().findBySession(id).size());

            assertTrue(sessions.finish(id, ProfilingStatus.INTERRUPTED, "browser exited"));
            assertFalse(sessions.finish(id, ProfilingStatus.COMPLETED, "again"), "a session ends once");
            ProfilingSessionInfo ended = sessions.find(id).orElseThrow();
            assertEquals(ProfilingStatus.INTERRUPTED, ended.status());
            assertNotNull(ended.endedAt());
            assertEquals(1, store.measurements().findBySession(id).size(), "rows are kept");
            assertThrows(StoreException.class, () -> sessions.recordEnvironment(999, "x", "y", 1, false));
        }
    }

    @Test
    void aLayerMeasuredAgainLaterCountsAsReplacedInTheEarlierSession() {
        try (Store store = Store.open(dir.resolve("db"), false)) {
            ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
            long first = sessions.start("local-chromium", "local-chromium", "wasm", "{}", 2);
            sessions.recordLayer(first, row(first, 0));
            sessions.recordLayer(first, row(first, 1));
            sessions.finish(first, ProfilingStatus.COMPLETED, "done");
            long second = sessions.start("local-chromium", "local-chromium", "wasm", "{}", 1);
            sessions.recordLayer(second, row(second, 1));
            sessions.finish(second, ProfilingStatus.COMPLETED, "done");

            ProfilingSessionInfo earlier = sessions.find(first).orElseThrow();
            assertEquals(2, earlier.layersMeasured());
            assertEquals(1, earlier.rowsKept());
            assertEquals(1, earlier.rowsReplaced());
            assertEquals(List.of(1, 1), sessions.list().stream().map(ProfilingSessionInfo::rowsKept).toList());
            assertEquals(0, sessions.find(second).orElseThrow().rowsReplaced());
        }
    }
}
