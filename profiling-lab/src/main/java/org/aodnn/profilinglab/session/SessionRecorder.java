package org.aodnn.profilinglab.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.repo.LayerTimingRepository;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.job.ProfilingJob;
import org.aodnn.profilinglab.protocol.BackendMessage;
import org.aodnn.profilinglab.protocol.ErrorMessage;
import org.aodnn.profilinglab.protocol.HelloMessage;
import org.aodnn.profilinglab.protocol.ResultMessage;
import org.aodnn.profilinglab.protocol.SkipMessage;
import org.aodnn.profilinglab.protocol.ThroughputMessage;
import org.aodnn.profilinglab.server.MessageRejectedException;
import org.aodnn.profilinglab.server.PageHandler;

/**
 * Checks the page's messages against the session's job and stores them: each layer result becomes a
 * layer_measurement row (geometry from the catalog) the moment it arrives. Messages that contradict the
 * job (unknown layer, backend not asked for, wrong output shape, second result for the same layer) are
 * rejected before anything is written. Once stopped, it accepts nothing more.
 *
 * <p>Each result carries the wall-clock window of its timed runs on the browser's clock, stored with the row
 * (energy is attributed to it). A window must lie within the session — after the session opened and not after
 * the result arrived — allowing {@link #MAX_CLOCK_SKEW_MS} between the browser's clock and this computer's
 * (on a phone the browser runs on the phone's clock), and must not begin before the previous layer's window
 * ended, since the page times one layer at a time.
 */
public final class SessionRecorder implements PageHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * How far the browser's clock may be from this computer's: phones keep network time within seconds; a
     * window further off than this is not a window of this session (or the page sent another clock).
     */
    public static final long MAX_CLOCK_SKEW_MS = 5 * 60_000;

    private final ProfilingSessionRepository sessions;
    private final LayerTimingRepository timings;
    private final long openedAtEpochMs = System.currentTimeMillis();
    private double lastWindowEndEpochMs = Double.NEGATIVE_INFINITY;
    private final long sessionId;
    private final ProfilingJob job;
    private final String jobJson;
    private final String platform;
    private final String targetKind;
    private final BlockingQueue<SessionEvent> events;

    private HelloMessage hello;
    private final Map<String, BackendMessage> backends = new java.util.LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    private final List<LayerSkip> skipped = new ArrayList<>();
    private final Map<String, Integer> rowsByBackend = new HashMap<>();
    private Double downloadMbPerS;
    private boolean finished;
    private boolean stopped;

    public SessionRecorder(ProfilingSessionRepository sessions, LayerTimingRepository timings, long sessionId,
                           ProfilingJob job, String platform, String targetKind, BlockingQueue<SessionEvent> events) {
        this.sessions = sessions;
        this.timings = timings;
        this.sessionId = sessionId;
        this.job = job;
        this.jobJson = job.toJson();
        this.platform = platform;
        this.targetKind = targetKind;
        this.events = events;
    }

    @Override
    public String jobJson() {
        return jobJson;
    }

    @Override
    public synchronized void hello(HelloMessage message) {
        requireOpen();
        if (hello != null) {
            throw MessageRejectedException.conflict("the browser has already introduced itself");
        }
        sessions.recordEnvironment(sessionId, message.browser(), message.userAgent(), message.hardwareConcurrency(),
                message.crossOriginIsolated());
        hello = message;
        events.add(new SessionEvent.Environment(message));
    }

    @Override
    public synchronized void throughput(ThroughputMessage message) {
        requireHello();
        double rate = message.megabytesPerSecond();
        sessions.recordDownloadThroughput(sessionId, rate);
        downloadMbPerS = rate;
        events.add(new SessionEvent.Throughput(rate));
    }

    @Override
    public synchronized void backend(BackendMessage message) {
        requireHello();
        requireJobBackend(message.backend());
        if (backends.containsKey(message.backend())) {
            throw MessageRejectedException.conflict("backend " + message.backend() + " was already started");
        }
        List<BackendMessage> all = new ArrayList<>(backends.values());
        all.add(message);
        sessions.recordBackends(sessionId, toJson(all));
        backends.put(message.backend(), message);
        events.add(new SessionEvent.BackendStarted(message));
    }

    @Override
    public synchronized void result(ResultMessage message) {
        requireHello();
        JobLayer layer = requireLayer(message.layerId());
        BackendMessage backend = requireStartedBackend(message.backend());
        if (!backend.ok()) {
            throw MessageRejectedException.conflict("backend " + message.backend() + " failed to start; it has no results");
        }
        List<Integer> expected = layer.expectedNhwcOutShape();
        if (!expected.equals(message.outShape())) {
            throw MessageRejectedException.invalid("layer " + message.layerId() + " (" + layer.label() + ") must output "
                    + expected + " (NHWC), the page reported " + message.outShape());
        }
        String slot = requireUnanswered(message.layerId(), message.backend());
        requireWindowInSession(message, layer);
        // threads: what the backend computed with (1 for cpu; wasm's thread count), as in the reference browser
        // data (threads=1), so runs with different wasm threads are different rows; the browser's
        // hardwareConcurrency is a fact of the session, stored with it
        MeasurementKey key = new MeasurementKey(platform, layer.model(), layer.layer().layerIndex(), targetKind,
                backend.threads(), message.backend(), hello.browser());
        LayerMeasurement row = new LayerMeasurement(key, layer.layer().layerName(), layer.geometry(),
                message.medianMs(), message.minMs(), message.maxMs(), message.stddevMs(), message.runs(),
                null, null, null, sessionId);
        timings.recordLayerWithWindow(sessionId, row, message.windowStartUs(), message.windowEndUs());
        lastWindowEndEpochMs = message.windowEndEpochMs();
        answered.add(slot);
        rowsByBackend.merge(message.backend(), 1, Integer::sum);
        events.add(new SessionEvent.Measured(row, layer));
    }

    @Override
    public synchronized void skip(SkipMessage message) {
        requireHello();
        JobLayer layer = requireLayer(message.layerId());
        requireStartedBackend(message.backend());
        String slot = requireUnanswered(message.layerId(), message.backend());
        LayerSkip skip = new LayerSkip(layer.model(), layer.layer().layerIndex(), layer.layer().layerName(),
                layer.geometry().layerType(), message.backend(), message.reason());
        List<LayerSkip> all = new ArrayList<>(skipped);
        all.add(skip);
        sessions.recordSkipped(sessionId, all.size(), toJson(all));
        skipped.add(skip);
        answered.add(slot);
        events.add(new SessionEvent.Skipped(skip, layer));
    }

    @Override
    public synchronized void done() {
        requireHello();
        finished = true;
        events.add(new SessionEvent.Finished());
    }

    @Override
    public synchronized void error(ErrorMessage message) {
        requireOpen();
        finished = true;
        events.add(new SessionEvent.PageFailed(message.message()));
    }

    /** Accepts nothing from now on; waits for a message being stored to finish. */
    public synchronized void stop() {
        stopped = true;
    }

    public synchronized List<LayerSkip> skipped() {
        return List.copyOf(skipped);
    }

    /** The rows of a per-backend count, all backends together. */
    static int total(Map<String, Integer> rowsByBackend) {
        return rowsByBackend.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized Map<String, Integer> rowsByBackend() {
        return Map.copyOf(rowsByBackend);
    }

    public synchronized int answeredCount() {
        return answered.size();
    }

    public synchronized HelloMessage hello() {
        return hello;
    }

    public synchronized List<BackendMessage> backends() {
        return List.copyOf(backends.values());
    }

    public synchronized Double downloadMbPerS() {
        return downloadMbPerS;
    }

    private void requireWindowInSession(ResultMessage message, JobLayer layer) {
        String what = "the timed window of layer " + message.layerId() + " (" + layer.label() + ", " + message.backend()
                + ") ";
        long now = System.currentTimeMillis();
        if (message.windowStartEpochMs() < openedAtEpochMs - MAX_CLOCK_SKEW_MS) {
            throw MessageRejectedException.invalid(what + "starts at " + java.time.Instant.ofEpochMilli(
                    (long) message.windowStartEpochMs()) + ", before this session opened at "
                    + java.time.Instant.ofEpochMilli(openedAtEpochMs) + " (allowing " + MAX_CLOCK_SKEW_MS / 1000
                    + " s of clock difference)");
        }
        if (message.windowEndEpochMs() > now + MAX_CLOCK_SKEW_MS) {
            throw MessageRejectedException.invalid(what + "ends at " + java.time.Instant.ofEpochMilli(
                    (long) message.windowEndEpochMs()) + ", after the result arrived at "
                    + java.time.Instant.ofEpochMilli(now) + " (allowing " + MAX_CLOCK_SKEW_MS / 1000
                    + " s of clock difference)");
        }
        if (message.windowStartEpochMs() + ResultMessage.WINDOW_SLACK_MS < lastWindowEndEpochMs) {
            throw MessageRejectedException.invalid(what + "starts at " + message.windowStartEpochMs()
                    + " ms, before the previous layer's window ended at " + lastWindowEndEpochMs
                    + " ms: the page times one layer at a time");
        }
    }

    private void requireOpen() {
        if (stopped) {
            throw MessageRejectedException.conflict("this profiling session has ended");
        }
        if (finished) {
            throw MessageRejectedException.conflict("the page has already finished this session");
        }
    }

    private void requireHello() {
        requireOpen();
        if (hello == null) {
            throw MessageRejectedException.conflict("the page must post hello first");
        }
    }

    private void requireJobBackend(String backend) {
        if (!job.settings().backends().contains(backend)) {
            throw MessageRejectedException.invalid("backend '" + backend + "' is not part of this job "
                    + job.settings().backends());
        }
    }

    private BackendMessage requireStartedBackend(String backend) {
        requireJobBackend(backend);
        BackendMessage started = backends.get(backend);
        if (started == null) {
            throw MessageRejectedException.conflict("backend " + backend + " has not been started");
        }
        return started;
    }

    private JobLayer requireLayer(int id) {
        JobLayer layer = job.layer(id);
        if (layer == null) {
            throw MessageRejectedException.invalid("layerId " + id + " is not in this job (0-" + (job.layers().size() - 1) + ")");
        }
        return layer;
    }

    private String requireUnanswered(int layerId, String backend) {
        String slot = layerId + "/" + backend;
        if (answered.contains(slot)) {
            throw MessageRejectedException.conflict("layer " + layerId + " on " + backend + " was already reported");
        }
        return slot;
    }

    private static String toJson(List<?> skips) {
        try {
            return MAPPER.writeValueAsString(skips);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write session details as JSON", e);
        }
    }
}
