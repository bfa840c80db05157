package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows the table and chart show, against a real database. The loads of stored rows run at once but deliver
 * through a queue (as on the UI thread), so a test can let the operator move on before a load arrives, or deliver
 * loads in the order worker threads may finish them: an overtaken load is dropped, the live rows of a running
 * session are never replaced, and the end of a session shows its rows as stored.
 */
class ShownResultsTest {

    private static final LayerGeometry RELU = new LayerGeometry("ReLU", "1x8x4x4", "1x8x4x4", 128, 128, 8, 8,
            0, 0, 0, 0, 1, 0, 128);

    @TempDir
    Path dir;
    private Store store;
    private ProfilingSessionRepository repository;
    private final QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
    private final LabMessages messages = new LabMessages();
    private final SessionProgress progress = new SessionProgress();
    private final SimpleObjectProperty<ProfilingSessionInfo> selected = new SimpleObjectProperty<>();
    private ShownResults shown;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("lab"), false);
        repository = new ProfilingSessionRepository(store.dsl());
        shown = new ShownResults(store, executor, messages, progress, selected);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static LayerMeasurement row(long session, String model, int layer, double ms, Double energyMj) {
        return new LayerMeasurement(new MeasurementKey("local-chromium", model, layer, "browser", 2, "cpu", "Chromium"),
                "features." + layer, RELU, ms, ms * 0.9, ms * 1.1, 0.01, 5, null, energyMj, null, session);
    }

    /** A completed session of {@code layers} rows of {@code model} (each model in its own session, so rows never merge). */
    private ProfilingSessionInfo storedSession(String model, int layers) {
        long id = repository.start("local-chromium", "local-chromium", "cpu", "{}", layers);
        for (int i = 0; i < layers; i++) {
            repository.recordLayer(id, row(id, model, i, 1.0 + i, null));
        }
        repository.finish(id, ProfilingStatus.COMPLETED, null);
        return repository.find(id).orElseThrow();
    }

    private List<String> shownModels() {
        return shown.results().stream().map(ResultRow::model).distinct().toList();
    }

    @Test
    void selectingAStoredSessionShowsItsRows() {
        ProfilingSessionInfo session = storedSession("mini", 3);

        selected.set(session);
        executor.drain();

        assertEquals(List.of(0, 1, 2), shown.results().stream().map(ResultRow::layerIndex).toList());
        assertEquals(List.of(1.0, 2.0, 3.0), shown.results().stream().map(ResultRow::medianMs).toList());
        assertEquals("Session " + session.id() + " (completed, local-chromium): 3 layer rows",
                shown.resultsTitleProperty().get());
    }

    @Test
    void aLoadOvertakenByAnotherSelectionIsDropped() {
        ProfilingSessionInfo first = storedSession("first", 2);
        ProfilingSessionInfo second = storedSession("second", 4);

        selected.set(first);
        selected.set(second); // before the first session's rows arrived
        List<Runnable> deliveries = executor.takeAll();
        assertEquals(2, deliveries.size());
        deliveries.get(1).run(); // the second load finished first,
        deliveries.get(0).run(); // the first one arrives late

        assertEquals(List.of("second"), shownModels());
        assertEquals(4, shown.rowCount());
        assertTrue(shown.resultsTitleProperty().get().startsWith("Session " + second.id() + " "),
                shown.resultsTitleProperty().get());
    }

    @Test
    void theLiveRowsOfARunningSessionAreNeverReplaced() {
        ProfilingSessionInfo stored = storedSession("stored", 2);
        selected.set(stored); // a load on its way when Start is pressed
        progress.running(true);
        shown.startLive("local-chromium");
        executor.drain();
        assertTrue(shown.results().isEmpty(), "the load that arrived after Start was dropped");

        shown.liveSessionStored(42);
        shown.liveRow(ResultRow.of(row(42, "live", 0, 0.5, null)));
        selected.set(null);
        selected.set(stored); // the operator clicks a stored session while the session runs
        executor.drain();

        assertEquals(List.of("live"), shownModels());
        assertEquals("Session 42 (running)", shown.resultsTitleProperty().get());
    }

    @Test
    void theEndShowsTheSessionsRowsAsStored() {
        long id = repository.start("adb:emulator-5554", "android-virtual", "cpu", "{}", 2);
        progress.running(true);
        progress.launching("adb:emulator-5554");
        shown.startLive("adb:emulator-5554");
        assertEquals("Running on adb:emulator-5554", shown.resultsTitleProperty().get());
        progress.sessionStored(id, 2);
        for (int i = 0; i < 2; i++) {
            LayerMeasurement measured = row(id, "phone", i, 2.0, null);
            repository.recordLayer(id, measured);
            shown.liveRow(ResultRow.of(measured));
        }
        // the phone's energy attribution writes energy after the last row was heard
        for (int i = 0; i < 2; i++) {
            store.measurements().upsertAll(List.of(row(id, "phone", i, 2.0, 0.25 + i)));
        }
        repository.finish(id, ProfilingStatus.COMPLETED, null);

        progress.ended(id);
        shown.liveEnded(id);
        assertEquals("Session " + id + ": 2 layer rows", shown.resultsTitleProperty().get(), "at once, before the reload");
        assertTrue(shown.results().stream().allMatch(r -> r.energyMj() == null));
        executor.drain();

        assertEquals(List.of(0.25, 1.25), shown.results().stream().map(ResultRow::energyMj).toList());
        assertEquals("Session " + id + ": 2 layer rows", shown.resultsTitleProperty().get());
    }

    @Test
    void aSessionNeverStoredEndsWithoutALoad() {
        progress.running(true);
        shown.startLive("local-chromium");
        progress.ended(null);

        shown.liveEnded(null);

        assertEquals("Last session: 0 layer rows", shown.resultsTitleProperty().get());
        assertEquals(0, executor.drain(), "nothing to load");
    }

    @Test
    void aFailedLoadIsAnError() {
        ProfilingSessionInfo session = storedSession("mini", 1);
        store.close();

        selected.set(session);
        executor.drain();

        assertTrue(messages.messageIsErrorProperty().get());
        assertTrue(messages.messageProperty().get().startsWith("Cannot load the rows of session " + session.id() + ": "),
                messages.messageProperty().get());
        assertTrue(shown.results().isEmpty());
    }
}
