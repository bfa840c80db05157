package org.aodnn.profilinglab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.task.CancelledException;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.job.LayerSelection;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingSettings;
import org.aodnn.profilinglab.target.LocalChromiumTarget;
import org.aodnn.profilinglab.target.TargetSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiling sessions in this computer's real headless Chromium ({@code /usr/bin/chromium}, Debian package
 * {@code chromium}), storing into a real H2 file with the sample catalog. Small layer subsets and short
 * timing windows keep the suite to about a minute on 2 cores.
 */
class LocalChromiumProfilingTest {

    @TempDir
    static Path dir;
    static Store store;
    static ProfilingSessionRepository sessions;
    final LocalChromiumTarget chromium = new LocalChromiumTarget();

    @BeforeAll
    static void open() {
        store = Store.open(dir.resolve("workbench"));
        sessions = new ProfilingSessionRepository(store.dsl());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static DnnModel model(String name) {
        return store.models().find(name).orElseThrow(() -> new AssertionError("sample catalog lacks " + name));
    }

    static ProfilingSettings quick(List<String> backends) {
        return ProfilingSettings.defaults(backends).withRuns(1, 2).withMinTimeMs(10).withMaxRuns(10)
                .withThroughputBytes(List.of(1L << 20));
    }

    static int firstIndex(DnnModel model, java.util.function.Predicate<ModelLayer> test) {
        return model.layers().stream().filter(test).findFirst().orElseThrow().layerIndex();
    }

    @Test
    void everySupportedLayerTypeGetsARowOnBothBackends() throws Exception {
        DnnModel resnext = model("resnext50_32x4d");
        int grouped = firstIndex(resnext, l -> l.geometry().groups() > 1 && l.geometry().groups() < l.geometry().inChannels());
        DnnModel densenet = model("densenet121");
        int avgPool = firstIndex(densenet, l -> l.geometry().layerType().equals("AvgPool2d"));
        List<ModelSelection> selections = List.of(
                new ModelSelection(model("mobilenet_v3_small"), LayerSelection.parse("0-25,130-")), // BN, Hardswish, SE, Linear
                new ModelSelection(model("efficientnet_b0"), LayerSelection.parse("0-12")), // SiLU, Sigmoid
                new ModelSelection(model("alexnet"), LayerSelection.parse("0-2,12-14")),    // MaxPool, 6x6 adaptive pool, Linear
                new ModelSelection(model("googlenet"), LayerSelection.parse("0-4")),        // ceil-mode MaxPool
                new ModelSelection(densenet, LayerSelection.parse(String.valueOf(avgPool))),
                new ModelSelection(resnext, LayerSelection.parse(String.valueOf(grouped))));
        ProfilingRequest request = new ProfilingRequest(selections, quick(List.of("cpu", "wasm")));
        List<Double> progress = Collections.synchronizedList(new ArrayList<>());
        SessionOutcome outcome = new ProfilingSessionTask(store, chromium, request, null).run(
                new org.aodnn.db.task.ProgressListener() {
                    @Override
                    public void progress(double done, double total) {
                        progress.add(done / total);
                    }

                    @Override
                    public void message(String message) {
                    }
                });

        assertEquals(ProfilingStatus.COMPLETED, outcome.status(), outcome.message());
        assertEquals(List.of(), outcome.skipped(), "every layer type of the catalog has a TF.js op");
        int layers = selections.stream().mapToInt(s -> s.selectedLayers().size()).sum();
        assertEquals(2 * layers, outcome.rowsStored());
        assertEquals(1.0, progress.get(progress.size() - 1));
        List<LayerMeasurement> rows = store.measurements().findBySession(outcome.sessionId());
        assertEquals(2 * layers, rows.size());
        Set<String> types = new TreeSet<>();
        for (LayerMeasurement m : rows) {
            types.add(m.geometry().layerType());
            assertTrue(m.latencyMs() > 0, m.toString());
            assertTrue(m.latencyMinMs() <= m.latencyMs() && m.latencyMs() <= m.latencyMaxMs(), m.toString());
            assertEquals("local-chromium", m.key().platform());
            assertTrue(m.key().browser().startsWith("Chromium "), m.key().browser());
        }
        assertEquals(new TreeSet<>(List.of("AdaptiveAvgPool2d", "AvgPool2d", "BatchNorm2d", "Conv2d", "Hardsigmoid",
                "Hardswish", "Linear", "MaxPool2d", "ReLU", "SiLU", "Sigmoid")), types);
        ProfilingSessionInfo info = sessions.find(outcome.sessionId()).orElseThrow();
        assertEquals(ProfilingStatus.COMPLETED, info.status());
        assertTrue(info.crossOriginIsolated(), "COOP/COEP make the page cross-origin isolated");
        assertNotNull(info.downloadMbPerS());
        assertTrue(info.backendsJson().contains("\"simd\":true"), info.backendsJson());
        assertEquals(2 * layers, info.layersMeasured());
    }

    @Test
    void skippedLayersAreRecordedWithTheirReason() throws Exception {
        DnnModel resnext = model("resnext50_32x4d");
        int grouped = firstIndex(resnext, l -> l.geometry().groups() > 1 && l.geometry().groups() < l.geometry().inChannels());
        ProfilingRequest request = new ProfilingRequest(
                List.of(new ModelSelection(resnext, LayerSelection.parse("0," + grouped))),
                quick(List.of("wasm")).withGroupedConv(org.aodnn.profilinglab.job.GroupedConvMode.SKIP));
        List<LayerSkip> heard = Collections.synchronizedList(new ArrayList<>());
        SessionOutcome outcome = new ProfilingSessionTask(store, chromium, request, new ProfilingListener() {
            @Override
            public void layerSkipped(LayerSkip skip) {
                heard.add(skip);
            }
        }).run(null);

        assertEquals(ProfilingStatus.COMPLETED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsStored());
        assertEquals(1, outcome.skipped().size());
        LayerSkip skip = outcome.skipped().get(0);
        assertEquals(grouped, skip.layerIndex());
        assertTrue(skip.reason().contains("grouped convolution"), skip.reason());
        assertEquals(outcome.skipped(), heard);
        ProfilingSessionInfo info = sessions.find(outcome.sessionId()).orElseThrow();
        assertEquals(1, info.layersSkipped());
        assertTrue(info.skippedJson().contains("grouped convolution"), info.skippedJson());
    }

    @Test
    void browserKilledMidSessionLeavesAnInterruptedSessionWithItsRows() throws Exception {
        AtomicReference<TargetSession> browser = new AtomicReference<>();
        List<ProcessHandle> tree = new ArrayList<>();
        ProfilingListener killer = new ProfilingListener() {
            @Override
            public void targetStarted(TargetSession session) {
                browser.set(session);
            }

            @Override
            public void layerMeasured(LayerMeasurement row, JobLayer layer) {
                if (tree.isEmpty()) {
                    ProcessHandle root = ProcessHandle.of(browser.get().processId().orElseThrow()).orElseThrow();
                    tree.addAll(root.descendants().toList());
                    tree.add(root);
                    root.destroyForcibly(); // a crash: SIGKILL to the browser process
                }
            }
        };
        ProfilingRequest request = new ProfilingRequest(
                List.of(new ModelSelection(model("squeezenet1_1"), LayerSelection.parse("0-20"))), quick(List.of("cpu")));
        SessionOutcome outcome = new ProfilingSessionTask(store, chromium, request, killer).run(null);

        assertEquals(ProfilingStatus.INTERRUPTED, outcome.status(), outcome.message());
        assertTrue(outcome.message().contains("exited"), outcome.message());
        assertTrue(outcome.rowsStored() >= 1 && outcome.rowsStored() < 21, "rows before the crash: " + outcome.rowsStored());
        assertEquals(outcome.rowsStored(), store.measurements().findBySession(outcome.sessionId()).size());
        ProfilingSessionInfo info = sessions.find(outcome.sessionId()).orElseThrow();
        assertEquals(ProfilingStatus.INTERRUPTED, info.status());
        assertNotNull(info.endedAt());
        assertAllEnded(tree);
    }

    @Test
    void cancelEndsTheBrowserAndMarksTheSessionCancelled() throws Exception {
        CountDownLatch firstRow = new CountDownLatch(1);
        AtomicReference<TargetSession> browser = new AtomicReference<>();
        List<ProcessHandle> tree = Collections.synchronizedList(new ArrayList<>());
        ProfilingListener watcher = new ProfilingListener() {
            @Override
            public void targetStarted(TargetSession session) {
                browser.set(session);
            }

            @Override
            public void layerMeasured(LayerMeasurement row, JobLayer layer) {
                if (tree.isEmpty()) {
                    ProcessHandle root = ProcessHandle.of(browser.get().processId().orElseThrow()).orElseThrow();
                    tree.addAll(root.descendants().toList());
                    tree.add(root);
                }
                firstRow.countDown();
            }
        };
        ProfilingRequest request = new ProfilingRequest(
                List.of(new ModelSelection(model("squeezenet1_1"), LayerSelection.all())), quick(List.of("cpu", "wasm")));
        ProfilingSessionTask task = new ProfilingSessionTask(store, chromium, request, watcher);
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<SessionOutcome> running = pool.submit(() -> task.run(null));
            assertTrue(firstRow.await(120, TimeUnit.SECONDS), "no layer result within 2 minutes");
            task.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CancelledException, e.getCause().toString());
        } finally {
            pool.shutdownNow();
        }
        ProfilingSessionInfo info = sessions.find(task.sessionId()).orElseThrow();
        assertEquals(ProfilingStatus.CANCELLED, info.status());
        int kept = store.measurements().findBySession(task.sessionId()).size();
        assertTrue(kept >= 1 && kept < 112, "rows kept: " + kept);
        assertEquals(kept, info.layersMeasured());
        assertAllEnded(tree);
    }

    @Test
    void missingChromiumIsReportedBeforeAnythingIsStored() {
        int before = sessions.list().size();
        LocalChromiumTarget missing = new LocalChromiumTarget(dir.resolve("no-such-chromium"));
        ProfilingRequest request = new ProfilingRequest(
                List.of(new ModelSelection(model("squeezenet1_1"), LayerSelection.parse("0"))), quick(List.of("wasm")));
        var e = assertThrows(Exception.class, () -> new ProfilingSessionTask(store, missing, request, null).run(null));
        assertTrue(e.getMessage().contains("'chromium'") && e.getMessage().contains("apt-get install chromium"),
                e.getMessage());
        assertEquals(before, sessions.list().size());
    }

    static void assertAllEnded(List<ProcessHandle> processes) throws InterruptedException {
        assertFalse(processes.isEmpty());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "browser processes left running");
    }
}
