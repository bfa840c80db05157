package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/**
 * When each layer row of a session was stored, with its median latency and number of timed runs: the page
 * posts a result right after timing the layer, so {@code measuredAt} minus {@code reps × latency} brackets
 * the layer's timed runs on this computer's clock (energy attribution places it on the phone's clock).
 */
public final class LayerTimingRepository {

    /** One stored layer result of a session. */
    public record LayerTiming(String model, int layerIndex, String backend, double latencyMs, int reps,
                              OffsetDateTime measuredAt) {
    }

    private final DSLContext dsl;

    public LayerTimingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<LayerTiming> bySession(long sessionId) {
        return dsl.select(LAYER_MEASUREMENT.MODEL, LAYER_MEASUREMENT.LAYER_INDEX, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.LATENCY_MS, LAYER_MEASUREMENT.REPS, LAYER_MEASUREMENT.MEASURED_AT)
                .from(LAYER_MEASUREMENT)
                .where(LAYER_MEASUREMENT.SESSION_ID.eq(sessionId))
                .orderBy(LAYER_MEASUREMENT.MEASURED_AT, LAYER_MEASUREMENT.ID)
                .fetch(r -> new LayerTiming(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
