package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.SessionOwner;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.repo.SessionOwnerRepository;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions left "running" in the database when the lab's window opens, owned by real processes: the one of a
 * console that died and one from before owners were recorded are marked interrupted; the one a live process
 * (a CLI profile on the same database) runs and one of another computer stay running, and the Sessions tab
 * says where they run.
 */
class AbandonedSessionsOnActivationTest {

    @TempDir
    Path dir;

    @Test
    void activationMarksOnlyTheSessionsOfDeadConsolesOfThisComputer() throws Exception {
        Process cli = new ProcessBuilder("sleep", "60").start();
        Process died = new ProcessBuilder("true").start();
        died.waitFor();
        try (Store store = Store.open(dir.resolve("lab"))) {
            SessionOwnerRepository owners = new SessionOwnerRepository(store.dsl());
            String here = SessionOwner.thisHost();
            long dead = owners.start("local-chromium", "local-chromium", "cpu", "{}", 3,
                    new SessionOwner(here, died.pid(), Instant.now()));
            long legacy = new ProfilingSessionRepository(store.dsl()).start("local-chromium", "local-chromium", "cpu", "{}", 3);
            long live = owners.start("local-chromium", "local-chromium", "cpu", "{}", 3,
                    new SessionOwner(here, cli.pid(), cli.toHandle().info().startInstant().orElse(null)));
            long remote = owners.start("local-chromium", "local-chromium", "cpu", "{}", 3,
                    new SessionOwner("lab-pc-2.example", died.pid(), null));

            ProfilingLabViewModel viewModel = new ProfilingLabViewModel(store, new CurrentThreadTaskExecutor(), null, null);
            viewModel.activate();

            Map<Long, ProfilingSessionInfo> shown = viewModel.sessions().stream()
                    .collect(Collectors.toMap(ProfilingSessionInfo::id, Function.identity()));
            assertEquals("interrupted", viewModel.sessionStatus(shown.get(dead)));
            assertTrue(shown.get(dead).message().contains("pid " + died.pid()), shown.get(dead).message());
            assertTrue(shown.get(dead).endedAt() != null);
            assertEquals("interrupted", viewModel.sessionStatus(shown.get(legacy)));
            assertEquals("running (pid " + cli.pid() + ")", viewModel.sessionStatus(shown.get(live)));
            assertEquals("running on lab-pc-2.example (pid " + died.pid() + ", not checked from here)",
                    viewModel.sessionStatus(shown.get(remote)));
            viewModel.deactivate();
        } finally {
            cli.destroyForcibly();
        }
    }
}
