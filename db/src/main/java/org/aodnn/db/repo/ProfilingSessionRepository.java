package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;
import static org.aodnn.db.jooq.Tables.PROFILING_SESSION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.jooq.tables.records.ProfilingSessionRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Profiling sessions and the layer rows they produce. A session is written when it starts, its layer
 * rows as they arrive (each with its counter update in one transaction), and its final status once.
 */
public final class ProfilingSessionRepository {

    private final DSLContext dsl;

    public ProfilingSessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores a new session in state running and returns its id. */
    public long start(String target, String platform, String backends, String settingsJson, int layersPlanned) {
        return dsl.insertInto(PROFILING_SESSION)
                .set(PROFILING_SESSION.TARGET, target)
                .set(PROFILING_SESSION.PLATFORM, platform)
                .set(PROFILING_SESSION.BACKENDS, backends)
                .set(PROFILING_SESSION.SETTINGS_JSON, settingsJson)
                .set(PROFILING_SESSION.STATUS, ProfilingStatus.RUNNING.dbValue())
                .set(PROFILING_SESSION.LAYERS_PLANNED, layersPlanned)
                .set(PROFILING_SESSION.OWNER_PID, ProcessHandle.current().pid())
                .set(PROFILING_SESSION.STARTED_AT, OffsetDateTime.now())
                .returning(PROFILING_SESSION.ID)
                .fetchOne(PROFILING_SESSION.ID);
    }

    /** What the browser said about itself. */
    public void recordEnvironment(long id, String browser, String userAgent, int hardwareConcurrency,
                                  boolean crossOriginIsolated) {
        requireUpdated(id, dsl.update(PROFILING_SESSION)
                .set(PROFILING_SESSION.BROWSER, browser)
                .set(PROFILING_SESSION.USER_AGENT, userAgent)
                .set(PROFILING_SESSION.HARDWARE_CONCURRENCY, hardwareConcurrency)
                .set(PROFILING_SESSION.CROSS_ORIGIN_ISOLATED, crossOriginIsolated)
                .where(PROFILING_SESSION.ID.eq(id))
                .execute());
    }

    public void recordDownloadThroughput(long id, double megabytesPerSecond) {
        requireUpdated(id, dsl.update(PROFILING_SESSION)
                .set(PROFILING_SESSION.DOWNLOAD_MB_PER_S, megabytesPerSecond)
                .where(PROFILING_SESSION.ID.eq(id))
                .execute());
    }

    /** Stores one measured layer (tagged with this session) and counts it, in one transaction. */
    public void recordLayer(long id, LayerMeasurement row) {
        if (row.sessionId() == null || row.sessionId() != id) {
            throw new StoreException("layer row of " + row.key().model() + " layer " + row.key().layerIndex()
                    + " is not tagged with session " + id);
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            MeasurementRepository.upsertAll(tx, List.of(row));
            requireUpdated(id, tx.update(PROFILING_SESSION)
                    .set(PROFILING_SESSION.LAYERS_MEASURED, PROFILING_SESSION.LAYERS_MEASURED.plus(1))
                    .where(PROFILING_SESSION.ID.eq(id))
                    .execute());
        });
    }

    /** Replaces what the backends reported when they started (a JSON array). */
    public void recordBackends(long id, String backendsJson) {
        requireUpdated(id, dsl.update(PROFILING_SESSION)
                .set(PROFILING_SESSION.BACKENDS_JSON, backendsJson)
                .where(PROFILING_SESSION.ID.eq(id))
                .execute());
    }

    /** Replaces the list of skipped layers (a JSON array) and its count. */
    public void recordSkipped(long id, int count, String skippedJson) {
        requireUpdated(id, dsl.update(PROFILING_SESSION)
                .set(PROFILING_SESSION.LAYERS_SKIPPED, count)
                .set(PROFILING_SESSION.SKIPPED_JSON, skippedJson)
                .where(PROFILING_SESSION.ID.eq(id))
                .execute());
    }

    /**
     * Ends a running session. Returns false (and changes nothing) when it had already ended: a session
     * ends exactly once.
     */
    public boolean finish(long id, ProfilingStatus status, String message) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a session cannot finish as " + status);
        }
        String text = message == null ? null : message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        return dsl.update(PROFILING_SESSION)
                .set(PROFILING_SESSION.STATUS, status.dbValue())
                .set(PROFILING_SESSION.MESSAGE, text)
                .set(PROFILING_SESSION.ENDED_AT, OffsetDateTime.now())
                .where(PROFILING_SESSION.ID.eq(id))
                .and(PROFILING_SESSION.STATUS.eq(ProfilingStatus.RUNNING.dbValue()))
                .execute() == 1;
    }

    public Optional<ProfilingSessionInfo> find(long id) {
        return dsl.selectFrom(PROFILING_SESSION).where(PROFILING_SESSION.ID.eq(id)).fetchOptional()
                .map(r -> toInfo(r, keptRows(LAYER_MEASUREMENT.SESSION_ID.eq(id))));
    }

    /** All sessions, newest first. */
    public List<ProfilingSessionInfo> list() {
        Map<Long, Integer> kept = keptRows(LAYER_MEASUREMENT.SESSION_ID.isNotNull());
        return dsl.selectFrom(PROFILING_SESSION).orderBy(PROFILING_SESSION.ID.desc())
                .fetch(r -> toInfo(r, kept));
    }

    /** Stored rows per session, among the sessions {@code which} selects. */
    private Map<Long, Integer> keptRows(Condition which) {
        return dsl.select(LAYER_MEASUREMENT.SESSION_ID, DSL.count()).from(LAYER_MEASUREMENT).where(which)
                .groupBy(LAYER_MEASUREMENT.SESSION_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static void requireUpdated(long id, int rows) {
        if (rows != 1) {
            throw new StoreException("profiling session " + id + " does not exist");
        }
    }

    private static ProfilingSessionInfo toInfo(ProfilingSessionRecord r, Map<Long, Integer> kept) {
        return new ProfilingSessionInfo(r.getId(), r.getTarget(), r.getPlatform(), r.getBackends(),
                r.getSettingsJson(), ProfilingStatus.fromDb(r.getStatus()), r.getMessage(), r.getBrowser(),
                r.getUserAgent(), r.getHardwareConcurrency(), r.getCrossOriginIsolated(), r.getDownloadMbPerS(),
                r.getLayersPlanned(), r.getLayersMeasured(), r.getLayersSkipped(), r.getBackendsJson(), r.getSkippedJson(),
                r.getStartedAt(), r.getEndedAt(), kept.getOrDefault(r.getId(), 0));
    }
}
