package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.PROFILING_SESSION;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.domain.SessionOwner;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * Which console process runs each profiling session, and the clean-up of sessions whose process died. Several
 * processes may profile on one database at once (H2 AUTO_SERVER: the window and a CLI {@code aodnn profile}),
 * so a session still marked running is abandoned only when its owner is on this computer and no longer alive.
 * A session owned by another computer cannot be checked from here and is left as it is.
 */
public final class SessionOwnerRepository {

    private final DSLContext dsl;

    public SessionOwnerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores a new running session owned by {@code owner} and returns its id. One transaction: no other process
     * ever sees the session without its owner (it would take it for one from before owners were recorded).
     */
    public long start(String target, String platform, String backends, String settingsJson, int layersPlanned,
                      SessionOwner owner) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            long id = new ProfilingSessionRepository(tx).start(target, platform, backends, settingsJson, layersPlanned);
            tx.update(PROFILING_SESSION)
                    .set(PROFILING_SESSION.OWNER_HOST, owner.host())
                    .set(PROFILING_SESSION.OWNER_PID, owner.pid())
                    .set(PROFILING_SESSION.OWNER_STARTED_AT, owner.startedAt() == null ? null
                            : owner.startedAt().atOffset(ZoneOffset.UTC))
                    .where(PROFILING_SESSION.ID.eq(id))
                    .execute();
            return id;
        });
    }

    /** The owners of the sessions still marked running, by session id (sessions from before owners: absent). */
    public Map<Long, SessionOwner> runningOwners() {
        Map<Long, SessionOwner> owners = new LinkedHashMap<>();
        for (var r : running()) {
            if (r.value2() != null && r.value3() != null) {
                owners.put(r.value1(), owner(r));
            }
        }
        return owners;
    }

    /**
     * Marks as interrupted every running session abandoned by a process of this computer ({@code here}) that is
     * no longer alive, and every running session from before owners were recorded (no process can still be
     * running those). Sessions of live processes and of other computers are left. Returns how many were marked.
     */
    public int interruptAbandoned(String here) {
        ProfilingSessionRepository sessions = new ProfilingSessionRepository(dsl);
        int marked = 0;
        for (var r : running()) {
            String reason;
            if (r.value2() == null || r.value3() == null) {
                reason = "the session was still marked running from before sessions recorded their console process"
                        + (r.value3() == null ? "" : " (pid " + r.value3() + ")")
                        + ", so it was taken as abandoned when the lab started; the rows measured before are kept";
            } else {
                SessionOwner owner = owner(r);
                if (!owner.host().equals(here) || owner.isAliveHere()) {
                    continue;
                }
                reason = "the console process (" + owner.describe() + ") ended while the session was running;"
                        + " the rows measured before are kept";
            }
            // finish() changes only a session still running: another process may have ended or marked it meanwhile
            if (sessions.finish(r.value1(), ProfilingStatus.INTERRUPTED, reason)) {
                marked++;
            }
        }
        return marked;
    }

    private org.jooq.Result<Record4<Long, String, Long, OffsetDateTime>> running() {
        return dsl.select(PROFILING_SESSION.ID, PROFILING_SESSION.OWNER_HOST, PROFILING_SESSION.OWNER_PID,
                        PROFILING_SESSION.OWNER_STARTED_AT)
                .from(PROFILING_SESSION)
                .where(PROFILING_SESSION.STATUS.eq(ProfilingStatus.RUNNING.dbValue()))
                .orderBy(PROFILING_SESSION.ID)
                .fetch();
    }

    private static SessionOwner owner(Record4<Long, String, Long, OffsetDateTime> r) {
        return new SessionOwner(r.value2(), r.value3(), r.value4() == null ? null : r.value4().toInstant());
    }
}
