package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.jooq.tables.records.LayerMeasurementRecord;
import org.jooq.Condition;
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

    /**
     * Inserts or updates within the caller's transaction context. Existing identities are looked up once,
     * then new rows go in as one batched INSERT and known ones as one batched UPDATE by id: much faster on
     * H2 than a MERGE per row (see {@code aodnn bench import}). A key repeated in {@code rows} keeps its
     * last occurrence.
     */
    public static void upsertAll(DSLContext tx, Collection<LayerMeasurement> rows) {
        Map<MeasurementKey, LayerMeasurement> unique = new LinkedHashMap<>();
        for (LayerMeasurement m : rows) {
            unique.put(m.key(), m);
        }
        Map<MeasurementKey, Long> existing = existingIds(tx, unique.values());
        List<Field<?>> valueFields = new ArrayList<>(List.of(KEY));
        valueFields.add(LAYER_MEASUREMENT.LAYER_NAME);
        valueFields.addAll(List.of(GeometryColumns.fields(LAYER_MEASUREMENT)));
        valueFields.addAll(List.of(LAYER_MEASUREMENT.LATENCY_MS, LAYER_MEASUREMENT.LATENCY_MIN_MS,
                LAYER_MEASUREMENT.LATENCY_MAX_MS, LAYER_MEASUREMENT.LATENCY_STDDEV_MS, LAYER_MEASUREMENT.REPS,
                LAYER_MEASUREMENT.CPU_FREQ_KHZ, LAYER_MEASUREMENT.ENERGY_MJ, LAYER_MEASUREMENT.THROTTLED,
                LAYER_MEASUREMENT.SESSION_ID, LAYER_MEASUREMENT.MEASURED_AT));
        Object[] placeholders = new Object[valueFields.size()];
        var insert = tx.insertInto(LAYER_MEASUREMENT, valueFields).values(placeholders);
        Map<Field<?>, Object> assignments = new LinkedHashMap<>();
        for (Field<?> f : valueFields.subList(KEY.length, valueFields.size())) {
            assignments.put(f, null);
        }
        var update = tx.update(LAYER_MEASUREMENT).set(assignments).where(LAYER_MEASUREMENT.ID.eq((Long) null));
        OffsetDateTime now = OffsetDateTime.now();
        // Plain JDBC batches on the transaction's connection: jOOQ renders the statements once, and the
        // per-row binding stays out of jOOQ's generic path (this is most of a 100,000-row import's time).
        tx.connection(connection -> {
            try (Batch inserts = new Batch(connection.prepareStatement(tx.render(insert)));
                 Batch updates = new Batch(connection.prepareStatement(tx.render(update)))) {
                for (LayerMeasurement m : unique.values()) {
                    List<Object> values = values(m, now);
                    Long id = existing.get(m.key());
                    if (id == null) {
                        inserts.add(values);
                    } else {
                        List<Object> set = new ArrayList<>(values.subList(KEY.length, values.size()));
                        set.add(id);
                        updates.add(set);
                    }
                }
            }
        });
    }

    private static List<Object> values(LayerMeasurement m, OffsetDateTime now) {
        MeasurementKey k = m.key();
        List<Object> v = new ArrayList<>(40);
        v.addAll(List.of(k.platform(), k.model(), k.layerIndex(), k.target(), k.threads(), k.backend(), k.browser(),
                m.layerName()));
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
        return v;
    }

    /** Ids of the stored rows that share an identity with {@code rows}, read once per platform involved. */
    private static Map<MeasurementKey, Long> existingIds(DSLContext tx, Collection<LayerMeasurement> rows) {
        Set<String> platforms = new HashSet<>();
        rows.forEach(m -> platforms.add(m.key().platform()));
        Map<MeasurementKey, Long> ids = new HashMap<>();
        tx.select(LAYER_MEASUREMENT.ID, LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.MODEL,
                        LAYER_MEASUREMENT.LAYER_INDEX, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.THREADS,
                        LAYER_MEASUREMENT.BACKEND, LAYER_MEASUREMENT.BROWSER)
                .from(LAYER_MEASUREMENT)
                .where(LAYER_MEASUREMENT.PLATFORM.in(platforms))
                .forEach(r -> ids.put(new MeasurementKey(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()), r.value1()));
        return ids;
    }

    /** A prepared statement's batch, sent every {@link #BATCH_SIZE} rows and on close. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add(List<Object> values) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.addBatch();
            if (++pending == BATCH_SIZE) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
            }
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                statement.close();
            }
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
        return profiles(DSL.noCondition());
    }

    /**
     * The profiles that measured energy: as {@link #profiles()}, but {@code rows} and {@code models} count
     * only the rows with an {@code energy_mj} (phone runs that read the battery), and profiles without any
     * are left out.
     */
    public List<ProfileSummary> profilesWithEnergy() {
        return profiles(LAYER_MEASUREMENT.ENERGY_MJ.isNotNull());
    }

    private List<ProfileSummary> profiles(Condition rowsCounted) {
        var rows = DSL.count().as("row_count");
        var models = DSL.countDistinct(LAYER_MEASUREMENT.MODEL).as("model_count");
        return dsl.select(LAYER_MEASUREMENT.PLATFORM, LAYER_MEASUREMENT.TARGET, LAYER_MEASUREMENT.BACKEND,
                        LAYER_MEASUREMENT.BROWSER, LAYER_MEASUREMENT.THREADS, rows, models)
                .from(LAYER_MEASUREMENT)
                .where(rowsCounted)
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
