package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.jooq.tables.records.LayerMeasurementRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Layer measurements, identified by {@link MeasurementKey}: storing a key again updates it in place. */
public final class MeasurementRepository {

    private static final int BATCH_SIZE = 5_000;
    private static final Field<?>[] KEY = {LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.MODEL,
        LAYER_MEASUREMENT.LAYER_INDEX, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.THREADS,
        LAYER_MEASUREMENT.BACKEND, LAYER_MEASUREMENT.BROWSER};

    private final DSLContext dsl;

    public MeasurementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts or updates every row in one transaction: on any failure nothing is stored. */
    public void upsertAll(Collection<LayerMeasurement> rows) {
        dsl.transaction(cfg -> upsertAll(DSL.using(cfg), rows));
    }

    /** Inserts or updates within the caller's transaction context. */
    public static void upsertAll(DSLContext tx, Collection<LayerMeasurement> rows) {
        List<Field<?>> fields = new ArrayList<>(List.of(KEY));
        fields.add(LAYER_MEASUREMENT.LAYER_NAME);
        fields.addAll(List.of(GeometryColumns.fields(LAYER_MEASUREMENT)));
        fields.addAll(List.of(LAYER_MEASUREMENT.LATENCY_MS, LAYER_MEASUREMENT.LATENCY_MIN_MS,
                LAYER_MEASUREMENT.LATENCY_MAX_MS, LAYER_MEASUREMENT.LATENCY_STDDEV_MS, LAYER_MEASUREMENT.REPS,
                LAYER_MEASUREMENT.CPU_FREQ_KHZ, LAYER_MEASUREMENT.ENERGY_MJ, LAYER_MEASUREMENT.THROTTLED,
                LAYER_MEASUREMENT.SESSION_ID, LAYER_MEASUREMENT.MEASURED_AT));
        // H2's MERGE ... KEY updates the row with the same identity or inserts a new one; batched binds
        // keep a 100,000-row import to one prepared statement.
        var merge = tx.mergeInto(LAYER_MEASUREMENT, fields).key(KEY).values(new Object[fields.size()]);
        OffsetDateTime now = OffsetDateTime.now();
        BatchBindStep batch = tx.batch(merge);
        int pending = 0;
        for (LayerMeasurement m : rows) {
            MeasurementKey k = m.key();
            List<Object> v = new ArrayList<>(fields.size());
            v.addAll(List.of(k.platform(), k.model(), k.layerIndex(), k.target(), k.threads(), k.backend(),
                    k.browser(), m.layerName()));
            v.addAll(List.of(GeometryColumns.values(m.geometry())));
            v.add(m.latencyMs());
            v.add(m.latencyMinMs());
            v.add(m.latencyMaxMs());
            v.add(m.latencyStddevMs());
            v.add(m.reps());
            v.add(m.cpuFreqKhz());
            v.add(m.energyMj());
            v.add(m.throttled());
            v.add(m.sessionId());
            v.add(now);
            batch = batch.bind(v.toArray());
            if (++pending == BATCH_SIZE) {
                batch.execute();
                batch = tx.batch(merge);
                pending = 0;
            }
        }
        if (pending > 0) {
            batch.execute();
        }
    }

    public List<LayerMeasurement> find(MeasurementFilter filter) {
        return dsl.selectFrom(LAYER_MEASUREMENT)
                .where(filter.condition())
                .orderBy(LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.BROWSER, LAYER_MEASUREMENT.THREADS, LAYER_MEASUREMENT.MODEL,
                        LAYER_MEASUREMENT.LAYER_INDEX)
                .fetch(MeasurementRepository::toMeasurement);
    }

    public List<LayerMeasurement> findBySession(long sessionId) {
        return dsl.selectFrom(LAYER_MEASUREMENT)
                .where(LAYER_MEASUREMENT.SESSION_ID.eq(sessionId))
                .orderBy(LAYER_MEASUREMENT.BACKEND, LAYER_MEASUREMENT.MODEL, LAYER_MEASUREMENT.LAYER_INDEX)
                .fetch(MeasurementRepository::toMeasurement);
    }

    public int count() {
        return dsl.fetchCount(LAYER_MEASUREMENT);
    }

    /** How much is stored per profile: (platform, target, backend, browser, threads) with row and model counts. */
    public List<ProfileSummary> profiles() {
        var rows = DSL.count().as("row_count");
        var models = DSL.countDistinct(LAYER_MEASUREMENT.MODEL).as("model_count");
        return dsl.select(LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.BROWSER, LAYER_MEASUREMENT.THREADS, rows, models)
                .from(LAYER_MEASUREMENT)
                .groupBy(LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.BROWSER, LAYER_MEASUREMENT.THREADS)
                .orderBy(LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.THREADS)
                .fetch(r -> new ProfileSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    /** One stored profile: which measurements exist for a platform/target/backend/browser/threads. */
    public record ProfileSummary(String platform, String target, String backend, String browser, int threads,
                                 int rows, int models) {
    }

    static LayerMeasurement toMeasurement(Record record) {
        LayerMeasurementRecord r = record.into(LAYER_MEASUREMENT);
        MeasurementKey key = new MeasurementKey(r.getPlatform(), r.getModel(), r.getLayerIndex(), r.getTarget(),
                r.getThreads(), r.getBackend(), r.getBrowser());
        return new LayerMeasurement(key, r.getLayerName(), GeometryColumns.read(r, LAYER_MEASUREMENT),
                r.getLatencyMs(), r.getLatencyMinMs(), r.getLatencyMaxMs(), r.getLatencyStddevMs(), r.getReps(),
                r.getCpuFreqKhz(), r.getEnergyMj(), r.getThrottled(), r.getSessionId());
    }
}
