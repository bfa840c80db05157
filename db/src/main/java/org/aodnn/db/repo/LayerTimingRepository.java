package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;

import java.time.OffsetDateTime;
import java.util.List;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * When each layer of a session was timed. The page reports the wall-clock window of its timed runs with each
 * result (µs since the epoch on the browser's clock), stored beside the row in the same transaction. Rows
 * without one (imported, or recorded before pages reported windows) still have when they were stored and
 * their median latency × timed runs, from which energy attribution derives an approximate window.
 */
public final class LayerTimingRepository {

    /**
     * One stored layer result of a session; {@code windowStartUs}/{@code windowEndUs} are the page's window
     * on the browser's clock, or null when the row has none.
     */
    public record LayerTiming(String model, int layerIndex, String backend, double latencyMs, int reps,
                              OffsetDateTime measuredAt, Long windowStartUs, Long windowEndUs) {

        public boolean hasPageWindow() {
            return windowStartUs != null && windowEndUs != null;
        }
    }

    private final DSLContext dsl;

    public LayerTimingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records a session's layer row together with the window the page timed it in, all or nothing (the row,
     * the session's measured-layer count and the window).
     */
    public void recordLayerWithWindow(long sessionId, LayerMeasurement row, long windowStartUs, long windowEndUs) {
        if (windowEndUs < windowStartUs) {
            throw new StoreException("window of " + row.key().model() + " layer " + row.key().layerIndex()
                    + " ends before it starts");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            new ProfilingSessionRepository(tx).recordLayer(sessionId, row);
            MeasurementKey k = row.key();
            int updated = tx.update(LAYER_MEASUREMENT)
                    .set(LAYER_MEASUREMENT.WINDOW_START_US, windowStartUs)
                    .set(LAYER_MEASUREMENT.WINDOW_END_US, windowEndUs)
                    .where(LAYER_MEASUREMENT.PLATFORM.eq(k.platform()), LAYER_MEASUREMENT.MODEL.eq(k.model()),
                            LAYER_MEASUREMENT.LAYER_INDEX.eq(k.layerIndex()), LAYER_MEASUREMENT.TARGET.eq(k.target()),
                            LAYER_MEASUREMENT.THREADS.eq(k.threads()), LAYER_MEASUREMENT.BACKEND.eq(k.backend()),
                            LAYER_MEASUREMENT.BROWSER.eq(k.browser()), LAYER_MEASUREMENT.SESSION_ID.eq(sessionId))
                    .execute();
            if (updated != 1) {
                throw new StoreException("layer row of " + k.model() + " layer " + k.layerIndex()
                        + " vanished while its window was being stored");
            }
        });
    }

    public List<LayerTiming> bySession(long sessionId) {
        return dsl.select(LAYER_MEASUREMENT.MODEL, LAYER_MEASUREMENT.LAYER_INDEX, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.LATENCY_MS, LAYER_MEASUREMENT.REPS, LAYER_MEASUREMENT.MEASURED_AT,
                        LAYER_MEASUREMENT.WINDOW_START_US, LAYER_MEASUREMENT.WINDOW_END_US)
                .from(LAYER_MEASUREMENT)
                .where(LAYER_MEASUREMENT.SESSION_ID.eq(sessionId))
                .orderBy(LAYER_MEASUREMENT.MEASURED_AT, LAYER_MEASUREMENT.ID)
                .fetch(r -> new LayerTiming(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }
}
