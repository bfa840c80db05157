package org.aodnn.profilinglab.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.cli.Json;
import org.aodnn.db.domain.ProfilingSessionInfo;

/**
 * How a stored session's rows read in the Sessions tab. The database keeps one row per layer and setting, so a
 * later session that measures the same layers replaces this session's rows: say so, or an operator opening the
 * older session finds fewer rows than it measured and no reason.
 */
final class SessionRows {

    private SessionRows() {
    }

    /** "4 of 4", or "4 of 4, 3 replaced later" when a later session or import replaced rows of it. */
    static String describe(ProfilingSessionInfo s) {
        String measured = s.layersMeasured() + (s.layersPlanned() == null ? "" : " of " + s.layersPlanned());
        return s.rowsReplaced() == 0 ? measured : measured + ", " + s.rowsReplaced() + " replaced later";
    }

    /** The models and layer ranges the session was asked for ("mobilenet_v3_small 0-3, alexnet all"). */
    static String models(ProfilingSessionInfo s) {
        try {
            JsonNode models = Json.MAPPER.readTree(s.settingsJson()).path("models");
            List<String> parts = new ArrayList<>();
            for (JsonNode m : models) {
                String layers = m.path("layers").asText("");
                parts.add(m.path("model").asText("?") + (layers.isEmpty() ? "" : " " + layers));
            }
            return String.join(", ", parts);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return ""; // an older or damaged settings document: the column stays empty, the rest still shows
        }
    }

    /** A note for the session's results title; empty when all its rows are still its own. */
    static String replacedNote(ProfilingSessionInfo s) {
        return s.rowsReplaced() == 0 ? "" : " — " + s.rowsReplaced() + " of its " + s.layersMeasured()
                + " rows were replaced later (the same layers profiled again or imported), which hold them now";
    }
}
