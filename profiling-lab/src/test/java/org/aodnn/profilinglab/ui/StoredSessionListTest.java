package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored sessions against a real database: newest first, the selection follows its session to the fresh
 * record a reload brings (its status changed meanwhile), except while a session runs, and a failed load is an
 * error on the message line.
 */
class StoredSessionListTest {

    @TempDir
    Path dir;
    private Store store;
    private ProfilingSessionRepository repository;
    private final LabMessages messages = new LabMessages();
    private final SimpleBooleanProperty sessionRunning = new SimpleBooleanProperty(false);
    private StoredSessionList list;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("lab"), false);
        repository = new ProfilingSessionRepository(store.dsl());
        list = new StoredSessionList(store, new CurrentThreadTaskExecutor(), messages, sessionRunning);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long session(String target) {
        return repository.start(target, target, "cpu", "{}", 3);
    }

    @Test
    void theSessionsAreListedNewestFirst() {
        long first = session("local-chromium");
        long second = session("adb:emulator-5554");

        list.reload();

        assertEquals(List.of(second, first), list.sessions().stream().map(ProfilingSessionInfo::id).toList());
        assertEquals("adb:emulator-5554", list.sessions().get(0).target());
    }

    @Test
    void theSelectionMovesToTheFreshRecordOfItsSession() {
        long first = session("local-chromium");
        session("local-chromium");
        list.reload();
        ProfilingSessionInfo selected = list.sessions().stream().filter(s -> s.id() == first).findFirst().orElseThrow();
        list.selectedSessionProperty().set(selected);
        assertEquals(ProfilingStatus.RUNNING, selected.status());

        repository.finish(first, ProfilingStatus.COMPLETED, null);
        list.reload();

        ProfilingSessionInfo now = list.selectedSessionProperty().get();
        assertEquals(first, now.id());
        assertEquals(ProfilingStatus.COMPLETED, now.status(), "the fresh record, not the one selected before");
        assertSame(list.sessions().get(1), now);
    }

    @Test
    void whileASessionRunsTheSelectionIsLeftAlone() {
        long first = session("local-chromium");
        list.reload();
        ProfilingSessionInfo selected = list.sessions().get(0);
        list.selectedSessionProperty().set(selected);

        sessionRunning.set(true);
        repository.finish(first, ProfilingStatus.CANCELLED, "cancelled");
        session("local-chromium");
        list.reload();

        assertEquals(2, list.sessions().size(), "the list itself is fresh");
        assertEquals(ProfilingStatus.CANCELLED, list.sessions().get(1).status());
        assertSame(selected, list.selectedSessionProperty().get(), "re-selecting would replace the live rows");
    }

    @Test
    void aFailedLoadIsAnErrorAndKeepsTheList() {
        session("local-chromium");
        list.reload();
        store.close();

        list.reload();

        assertTrue(messages.messageIsErrorProperty().get());
        assertTrue(messages.messageProperty().get().startsWith("Cannot load the profiling sessions: "),
                messages.messageProperty().get());
        assertEquals(1, list.sessions().size());
    }
}
