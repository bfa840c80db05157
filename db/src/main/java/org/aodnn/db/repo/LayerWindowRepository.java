package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_WINDOW;

import java.util.Collection;
import java.util.List;
import org.aodnn.db.domain.LayerWindowRow;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The timed windows of a session's layers, for attributing energy from power samples. */
public final class LayerWindowRepository {

    private final DSLContext dsl;

    public LayerWindowRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores all windows in one transaction. */
    public void addAll(Collection<LayerWindowRow> windows) {
        if (windows.isEmpty()) {
            return;
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            for (LayerWindowRow w : windows) {
                tx.insertInto(LAYER_WINDOW)
                        .set(LAYER_WINDOW.SESSION_ID, w.sessionId())
                        .set(LAYER_WINDOW.MODEL, w.model())
                        .set(LAYER_WINDOW.LAYER_INDEX, w.layerIndex())
                        .set(LAYER_WINDOW.BACKEND, w.backend())
                        .set(LAYER_WINDOW.START_US, w.startUs())
                        .set(LAYER_WINDOW.END_US, w.endUs())
                        .set(LAYER_WINDOW.RUNS, w.runs())
                        .execute();
            }
        });
    }

    public List<LayerWindowRow> bySession(long sessionId) {
        return dsl.selectFrom(LAYER_WINDOW).where(LAYER_WINDOW.SESSION_ID.eq(sessionId))
                .orderBy(LAYER_WINDOW.START_US, LAYER_WINDOW.ID)
                .fetch(r -> new LayerWindowRow(r.getSessionId(), r.getModel(), r.getLayerIndex(), r.getBackend(),
                        r.getStartUs(), r.getEndUs(), r.getRuns()));
    }
}
