package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.PROFILING_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.domain.SessionOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions left running, with real processes as owners: only a dead owner of this computer (or a session from
 * before owners were recorded) makes a session abandoned; a live process, also another one, and another
 * computer's process keep theirs; a reused pid is not taken for the owner.
 */
class SessionOwnerRepositoryTest {

    @TempDir
    Path dir;

    private static long start(SessionOwnerRepository owners, SessionOwner owner) {
        return owners.start("local-chromium", "local-chromium", "cpu", "{}", 1, owner);
    }

    private static SessionOwner ownerOf(ProcessHandle p) {
        return new SessionOwner(SessionOwner.thisHost(), p.pid(), p.info().startInstant().orElse(null));
    }

    @Test
    void onlySessionsOfDeadProcessesOfThisComputerAreInterrupted() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        try (Store store = Store.open(dir.resolve("db"), false)) {
            SessionOwnerRepository owners = new SessionOwnerRepository(store.dsl());
            ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
            String here = SessionOwner.thisHost();
            long mine = start(owners, SessionOwner.current());
            long otherLive = start(owners, ownerOf(other.toHandle()));
            long dead = start(owners, new SessionOwner(here, ended.pid(), Instant.now().minusSeconds(5)));
            // this very pid, but a process started earlier: the pid was reused, the owner is gone
            long reused = start(owners, new SessionOwner(here, ProcessHandle.current().pid(),
                    Instant.now().minusSeconds(86_400)));
            long elsewhere = start(owners, new SessionOwner("another-computer.example", ended.pid(), null));
            long legacy = sessions.start("local-chromium", "local-chromium", "cpu", "{}", 1); // no owner host

            assertEquals(3, owners.interruptAbandoned(here));

            assertEquals(ProfilingStatus.RUNNING, sessions.find(mine).orElseThrow().status());
            assertEquals(ProfilingStatus.RUNNING, sessions.find(otherLive).orElseThrow().status(),
                    "another live process (a CLI profile on the same database) keeps its session");
            assertEquals(ProfilingStatus.RUNNING, sessions.find(elsewhere).orElseThrow().status(),
                    "another computer's process cannot be checked from here");
            ProfilingSessionInfo deadInfo = sessions.find(dead).orElseThrow();
            assertEquals(ProfilingStatus.INTERRUPTED, deadInfo.status());
            assertTrue(deadInfo.message().contains("pid " + ended.pid() + " on " + here), deadInfo.message());
            assertTrue(deadInfo.endedAt() != null);
            assertEquals(ProfilingStatus.INTERRUPTED, sessions.find(reused).orElseThrow().status());
            ProfilingSessionInfo legacyInfo = sessions.find(legacy).orElseThrow();
            assertEquals(ProfilingStatus.INTERRUPTED, legacyInfo.status());
            assertTrue(legacyInfo.message().contains("from before sessions recorded their console process"),
                    legacyInfo.message());

            assertEquals(0, owners.interruptAbandoned(here), "each abandoned session is marked once");
            Map<Long, SessionOwner> running = owners.runningOwners();
            assertEquals(java.util.List.of(mine, otherLive, elsewhere), java.util.List.copyOf(running.keySet()));
            assertEquals("another-computer.example", running.get(elsewhere).host());

            other.destroy();
            other.waitFor();
            assertEquals(1, owners.interruptAbandoned(here), "once the other process ends, its session is abandoned");
            assertEquals(ProfilingStatus.INTERRUPTED, sessions.find(otherLive).orElseThrow().status());
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theOwnerIsStoredWithTheSessionInOneStep() throws Exception {
        try (Store store = Store.open(dir.resolve("db"), false)) {
            SessionOwner me = SessionOwner.current();
            long id = start(new SessionOwnerRepository(store.dsl()), me);
            var r = store.dsl().selectFrom(PROFILING_SESSION).where(PROFILING_SESSION.ID.eq(id)).fetchOne();
            assertEquals(me.host(), r.getOwnerHost());
            assertEquals(me.pid(), r.getOwnerPid());
            assertTrue(me.isAliveHere(), "this process is alive, started when it says");
            assertEquals(me, new SessionOwnerRepository(store.dsl()).runningOwners().get(id),
                    "the start instant survives the database");
        }
    }
}
