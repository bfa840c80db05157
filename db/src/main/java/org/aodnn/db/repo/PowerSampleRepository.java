package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.POWER_SAMPLE;

import java.util.Collection;
import java.util.List;
import org.aodnn.db.domain.PowerSampleRow;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Raw power readings of profiling sessions, ordered by device time. */
public final class PowerSampleRepository {

    private final DSLContext dsl;

    public PowerSampleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores all samples in one transaction: on any failure none is stored. */
    public void addAll(Collection<PowerSampleRow> samples) {
        if (samples.isEmpty()) {
            return;
        }
        dsl.transaction(cfg -> insert(DSL.using(cfg), samples));
    }

    /**
     * Replaces a session's samples of one source (a capture imported again, corrected) in one transaction;
     * returns how many earlier samples it removed.
     */
    public int replace(long sessionId, String source, Collection<PowerSampleRow> samples) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int removed = tx.deleteFrom(POWER_SAMPLE)
                    .where(POWER_SAMPLE.SESSION_ID.eq(sessionId).and(POWER_SAMPLE.SOURCE.eq(source))).execute();
            if (!samples.isEmpty()) {
                insert(tx, samples);
            }
            return removed;
        });
    }

    private static void insert(DSLContext tx, Collection<PowerSampleRow> samples) {
        var insert = tx.insertInto(POWER_SAMPLE, POWER_SAMPLE.SESSION_ID, POWER_SAMPLE.SOURCE,
                POWER_SAMPLE.DEVICE_TIME_US, POWER_SAMPLE.VOLTAGE_MV, POWER_SAMPLE.CURRENT_MA,
                POWER_SAMPLE.POWER_MW).values((Long) null, null, null, null, null, null);
        var batch = tx.batch(insert);
        for (PowerSampleRow s : samples) {
            batch = batch.bind(s.sessionId(), s.source(), s.deviceTimeUs(), s.voltageMv(), s.currentMa(),
                    s.powerMw());
        }
        batch.execute();
    }

    public List<PowerSampleRow> bySession(long sessionId) {
        return dsl.selectFrom(POWER_SAMPLE).where(POWER_SAMPLE.SESSION_ID.eq(sessionId))
                .orderBy(POWER_SAMPLE.DEVICE_TIME_US, POWER_SAMPLE.ID)
                .fetch(r -> new PowerSampleRow(r.getSessionId(), r.getSource(), r.getDeviceTimeUs(),
                        r.getVoltageMv(), r.getCurrentMa(), r.getPowerMw()));
    }

    public int count(long sessionId, String source) {
        return dsl.fetchCount(POWER_SAMPLE, POWER_SAMPLE.SESSION_ID.eq(sessionId).and(POWER_SAMPLE.SOURCE.eq(source)));
    }
}
