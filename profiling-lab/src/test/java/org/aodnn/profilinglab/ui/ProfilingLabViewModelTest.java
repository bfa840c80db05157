package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's view model against a real database and the real headless Chromium, with every task run
 * at once on the test thread: a short session fills the results as rows arrive and is stored; cancel keeps
 * the rows; a missing Chromium and bad choices give clear messages and store nothing.
 */
class ProfilingLabViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private ProfilingLabViewModel viewModel;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("lab"));
        viewModel = new ProfilingLabViewModel(store, new CurrentThreadTaskExecutor(), null, null);
        viewModel.activate();
    }

    @AfterEach
    void close() {
        viewModel.deactivate();
        store.close();
    }

    /** A quick session: the given layers of mobilenet_v2 on cpu, 1 warm-up, 2 timed runs, 10 ms per layer. */
    private void choose(String layers) {
        viewModel.selectedModels().setAll("mobilenet_v2");
        viewModel.layerRangeProperty().set(layers);
        viewModel.cpuProperty().set(true);
        viewModel.warmupRunsProperty().set(1);
        viewModel.timedRunsProperty().set(2);
        viewModel.minTimeMsProperty().set(10);
    }

    @Test
    void activationLoadsTheCatalogAndTheStoredProfiles() {
        assertTrue(viewModel.modelNames().contains("mobilenet_v2"), viewModel.modelNames().toString());
        assertEquals(store.models().names(), viewModel.modelNames());
        assertTrue(viewModel.sessions().isEmpty());
        // the sample data's reference browser and edge measurements
        assertTrue(viewModel.storedProfiles().profiles().stream().anyMatch(p -> p.platform().equals("reference-browser")),
                viewModel.storedProfiles().profiles().toString());
        assertEquals(List.of("local-chromium"), viewModel.targets());
        assertFalse(viewModel.canStartProperty().get(), "no model chosen yet");
        choose("0-2");
        assertTrue(viewModel.canStartProperty().get());
        viewModel.cpuProperty().set(false);
        assertFalse(viewModel.canStartProperty().get(), "no backend chosen");
    }

    @Test
    void aShortSessionFillsTheResultsAsRowsArriveAndIsStored() {
        choose("0-2");
        List<Integer> sizesWhileRunning = new ArrayList<>();
        viewModel.results().addListener((ListChangeListener<ResultRow>) c -> {
            if (viewModel.runningProperty().get()) {
                sizesWhileRunning.add(viewModel.results().size());
            }
        });

        viewModel.start();

        assertFalse(viewModel.runningProperty().get());
        assertFalse(viewModel.messageIsErrorProperty().get(), viewModel.messageProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("completed"), viewModel.messageProperty().get());
        assertEquals(List.of(1, 2, 3), sizesWhileRunning, "one row at a time while the session ran");
        assertEquals(3, viewModel.layersDoneProperty().get());
        assertEquals(3, viewModel.layersPlannedProperty().get());
        assertEquals(1.0, viewModel.progressProperty().get(), 1e-9);
        assertTrue(viewModel.environmentProperty().get().contains("hardware threads"), viewModel.environmentProperty().get());

        List<ResultRow> rows = List.copyOf(viewModel.results());
        assertEquals(List.of(0, 1, 2), rows.stream().map(ResultRow::layerIndex).toList());
        List<String> catalogTypes = store.models().find("mobilenet_v2").orElseThrow().layers().subList(0, 3).stream()
                .map(l -> l.geometry().layerType()).toList();
        assertEquals(catalogTypes, rows.stream().map(ResultRow::layerType).toList());
        for (ResultRow r : rows) {
            assertEquals("cpu", r.backend());
            assertTrue(r.medianMs() > 0, r.toString());
            assertTrue(r.minMs() <= r.medianMs() && r.medianMs() <= r.maxMs(), r.toString());
            assertTrue(r.reps() >= 2, r.toString());
        }

        long id = viewModel.lastOutcomeProperty().get().sessionId();
        assertEquals(1, viewModel.sessions().size(), "the session list was reloaded");
        ProfilingSessionInfo stored = viewModel.sessions().get(0);
        assertEquals(id, stored.id());
        assertEquals(ProfilingStatus.COMPLETED, stored.status());
        assertEquals(3, stored.layersMeasured());
        List<LayerMeasurement> inDb = store.measurements().findBySession(id);
        assertEquals(rows.stream().map(ResultRow::medianMs).toList(), inDb.stream().map(LayerMeasurement::latencyMs).toList());
        assertTrue(viewModel.storedProfiles().profiles().stream().anyMatch(p -> p.platform().equals("local-chromium")),
                "the stored profiles were reloaded");

        // selecting the stored session shows its rows from the database
        viewModel.results().clear();
        viewModel.selectedSessionProperty().set(stored);
        assertEquals(rows, List.copyOf(viewModel.results()));
        assertTrue(viewModel.resultsTitleProperty().get().startsWith("Session " + id), viewModel.resultsTitleProperty().get());
    }

    @Test
    void theSessionsTabListsTheRunningSessionUntilItEnds() {
        choose("0-2");
        List<String> whileRunning = new ArrayList<>();
        viewModel.sessions().addListener((ListChangeListener<ProfilingSessionInfo>) c -> {
            if (viewModel.runningProperty().get() && !viewModel.sessions().isEmpty()) {
                whileRunning.add(viewModel.sessions().get(0).id() + " " + viewModel.sessionStatus(viewModel.sessions().get(0)));
            }
        });

        viewModel.start();

        long id = viewModel.lastOutcomeProperty().get().sessionId();
        assertEquals(List.of(id + " running"), whileRunning, "listed, marked running, while it ran");
        assertEquals(ProfilingStatus.COMPLETED, viewModel.sessions().get(0).status(), "updated when it ended");
        assertEquals("completed", viewModel.sessionStatus(viewModel.sessions().get(0)));
    }

    @Test
    void cancelStopsTheSessionAndKeepsItsRows() {
        choose("0-40");
        viewModel.results().addListener((ListChangeListener<ResultRow>) c -> {
            if (viewModel.results().size() == 1) {
                viewModel.cancel(); // on the session's thread, as a click would be on the UI thread
            }
        });

        viewModel.start();

        assertFalse(viewModel.runningProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("cancelled"), viewModel.messageProperty().get());
        ProfilingSessionInfo stored = viewModel.sessions().get(0);
        assertEquals(ProfilingStatus.CANCELLED, stored.status());
        int kept = store.measurements().findBySession(stored.id()).size();
        assertTrue(kept >= 1 && kept < 41, "rows kept: " + kept);
        assertTrue(viewModel.layersDoneProperty().get() < 41);
    }

    @Test
    void aBrowserThatDiesMidSessionIsReportedAsInterruptedWithItsRowsKept() {
        choose("0-40");
        viewModel.results().addListener((ListChangeListener<ResultRow>) c -> {
            if (viewModel.results().size() == 1) {
                // the browser crashes: end every Chromium process this test started
                ProcessHandle.current().descendants()
                        .filter(p -> p.info().command().map(cmd -> cmd.contains("chromium")).orElse(false))
                        .forEach(ProcessHandle::destroyForcibly);
            }
        });

        viewModel.start();

        assertFalse(viewModel.runningProperty().get());
        assertTrue(viewModel.messageIsErrorProperty().get());
        String message = viewModel.messageProperty().get();
        assertTrue(message.matches("Session \\d+ was interrupted; the \\d+ layer rows measured before are kept: "
                + "the browser \\(chromium pid \\d+\\) exited after \\d+ of 41 layer results.*"), message);
        assertFalse(message.contains("\n"), "one line on screen; the browser's log is in the detail");
        assertTrue(viewModel.messageDetailProperty().get().startsWith(message.replace(" …", "")));
        ProfilingSessionInfo stored = viewModel.sessions().get(0);
        assertEquals(ProfilingStatus.INTERRUPTED, stored.status());
        assertTrue(stored.layersMeasured() >= 1 && stored.layersMeasured() < 41, stored.toString());
        assertEquals(stored.layersMeasured(), store.measurements().findBySession(stored.id()).size());
    }

    @Test
    void aMissingChromiumIsExplainedAndNothingIsStored() {
        viewModel = new ProfilingLabViewModel(store, new CurrentThreadTaskExecutor(), dir.resolve("no-chromium"), null);
        viewModel.activate();
        choose("0-2");

        viewModel.start();

        assertTrue(viewModel.messageIsErrorProperty().get());
        String message = viewModel.messageProperty().get();
        assertTrue(message.contains("Chromium is not installed at " + dir.resolve("no-chromium")), message);
        assertTrue(message.contains("apt-get install chromium"), message);
        assertFalse(viewModel.runningProperty().get());
        assertTrue(viewModel.sessions().isEmpty(), "no session stored");
        assertTrue(viewModel.results().isEmpty());
    }

    @Test
    void badChoicesAreExplainedBeforeAnythingStarts() {
        choose("5-3");
        viewModel.start();
        assertTrue(viewModel.messageIsErrorProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("range '5-3' runs backwards"), viewModel.messageProperty().get());

        choose("0-9999");
        viewModel.start();
        assertTrue(viewModel.messageProperty().get().contains("mobilenet_v2 has layers 0-"), viewModel.messageProperty().get());
        assertFalse(viewModel.runningProperty().get());
        assertNotNull(viewModel.sessions());
        assertTrue(viewModel.sessions().isEmpty(), "nothing stored");
    }
}
