package org.aodnn.profilinglab.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.profilinglab.protocol.BackendMessage;

/**
 * How a session that ran ended: {@code COMPLETED}, {@code INTERRUPTED} (browser gone or silent, or Ctrl-C; the rows
 * measured before are kept) or {@code FAILED} (the page reported an error). {@code rowsByBackend} counts
 * the layer rows stored; {@code backends} says how each backend started (threads, SIMD); browser facts are
 * null when the page never reported them.
 */
public record SessionOutcome(long sessionId, ProfilingStatus status, String message, int plannedResults,
                             Map<String, Integer> rowsByBackend, List<LayerSkip> skipped,
                             String browser, Integer hardwareConcurrency, Double downloadMbPerS,
                             List<BackendMessage> backends, Duration elapsed) {

    public SessionOutcome {
        rowsByBackend = Map.copyOf(rowsByBackend);
        skipped = List.copyOf(skipped);
        backends = List.copyOf(backends);
    }

    /** The layer rows stored, all backends together. */
    public int rowsStored() {
        return SessionRecorder.total(rowsByBackend);
    }
}
