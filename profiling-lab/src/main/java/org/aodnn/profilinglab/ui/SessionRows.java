package org.aodnn.profilinglab.ui;

import org.aodnn.db.domain.ProfilingSessionInfo;

/**
 * How a stored session's rows read in the Sessions tab. The database keeps one row per layer and setting, so a
 * later session that measures the same layers replaces this session's rows: say so, or an operator opening the
 * older session finds fewer rows than it measured and no reason.
 */
final class SessionRows {

    private SessionRows() {
    }

    /** "4 of 4", or "4 of 4, 3 re-measured later" when later sessions replaced rows of it. */
    static String describe(ProfilingSessionInfo s) {
        String measured = s.layersMeasured() + (s.layersPlanned() == null ? "" : " of " + s.layersPlanned());
        return s.rowsReplaced() == 0 ? measured : measured + ", " + s.rowsReplaced() + " re-measured later";
    }

    /** A note for the session's results title; empty when all its rows are still its own. */
    static String replacedNote(ProfilingSessionInfo s) {
        return s.rowsReplaced() == 0 ? "" : " — " + s.rowsReplaced() + " of its " + s.layersMeasured()
                + " rows were measured again by later sessions, which hold them now";
    }
}
