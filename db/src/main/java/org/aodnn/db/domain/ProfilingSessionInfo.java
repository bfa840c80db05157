package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * A stored profiling session: what was asked ({@code target}, {@code platform}, {@code backends},
 * {@code settingsJson}), what the browser and its backends ({@code backendsJson}) reported, and how far it got. Browser facts are {@code null}
 * until the page has reported them; {@code endedAt} is {@code null} while the session runs. A layer measured
 * again by a later session on the same platform replaces the stored row (one row per layer and setting), so
 * {@code rowsKept}, the rows still stored under this session, can be fewer than {@code layersMeasured}.
 */
public record ProfilingSessionInfo(
        long id,
        String target,
        String platform,
        String backends,
        String settingsJson,
        ProfilingStatus status,
        String message,
        String browser,
        String userAgent,
        Integer hardwareConcurrency,
        Boolean crossOriginIsolated,
        Double downloadMbPerS,
        Integer layersPlanned,
        int layersMeasured,
        int layersSkipped,
        String backendsJson,
        String skippedJson,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        int rowsKept) {

    /** How many of its measured rows later sessions have replaced. */
    public int rowsReplaced() {
        return Math.max(0, layersMeasured - rowsKept);
    }
}
