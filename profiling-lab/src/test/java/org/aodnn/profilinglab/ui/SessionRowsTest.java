package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.junit.jupiter.api.Test;

class SessionRowsTest {

    private static ProfilingSessionInfo session(Integer planned, int measured, int kept) {
        return session("{}", planned, measured, kept);
    }

    private static ProfilingSessionInfo session(String settings, Integer planned, int measured, int kept) {
        return new ProfilingSessionInfo(1, "local-chromium", "local-chromium", "wasm", settings, ProfilingStatus.COMPLETED,
                "done", "Chromium", "UA", 2, true, null, planned, measured, 0, "[]", "[]", OffsetDateTime.now(),
                OffsetDateTime.now(), kept);
    }

    @Test
    void rowsLaterSessionsReplacedAreCountedAndExplained() {
        assertEquals("4 of 4", SessionRows.describe(session(4, 4, 4)));
        assertEquals("", SessionRows.replacedNote(session(4, 4, 4)));
        assertEquals("4 of 4, 3 replaced later", SessionRows.describe(session(4, 4, 1)));
        assertEquals(" — 4 of its 4 rows were replaced later (the same layers profiled again or imported), which hold them now",
                SessionRows.replacedNote(session(4, 4, 0)));
        assertEquals("2", SessionRows.describe(session(null, 2, 2)));
    }

    @Test
    void theModelsAskedForAreReadFromTheStoredSettings() {
        assertEquals("mobilenet_v3_small 0-3, alexnet 0-18", SessionRows.models(session(
                "{\"models\":[{\"model\":\"mobilenet_v3_small\",\"layers\":\"0-3\"},"
                        + "{\"model\":\"alexnet\",\"layers\":\"0-18\"}],\"warmupRuns\":1}", 4, 4, 4)));
        assertEquals("", SessionRows.models(session("{not json", 4, 4, 4)));
        assertEquals("", SessionRows.models(session("{}", 4, 4, 4)));
    }
}
