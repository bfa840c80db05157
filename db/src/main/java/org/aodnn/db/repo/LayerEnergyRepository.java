package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;

import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Fills the energy, clock and throttling columns of a session's layer measurements once the power samples of
 * the run have been attributed to the layers' timed windows.
 */
public final class LayerEnergyRepository {

    /** The attributed figures of one measured layer of a session. Null values leave the column unchanged. */
    public record LayerEnergy(String model, int layerIndex, String backend, Double energyMj, Long cpuFreqKhz,
                              Boolean throttled) {
    }

    private final DSLContext dsl;

    public LayerEnergyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Updates every listed layer of the session in one transaction and returns the number of rows updated. */
    public int update(long sessionId, Collection<LayerEnergy> layers) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int updated = 0;
            for (LayerEnergy e : layers) {
                updated += tx.update(LAYER_MEASUREMENT)
                        .set(LAYER_MEASUREMENT.ENERGY_MJ,
                                e.energyMj() == null ? LAYER_MEASUREMENT.ENERGY_MJ : DSL.val(e.energyMj()))
                        .set(LAYER_MEASUREMENT.CPU_FREQ_KHZ,
                                e.cpuFreqKhz() == null ? LAYER_MEASUREMENT.CPU_FREQ_KHZ : DSL.val(e.cpuFreqKhz()))
                        .set(LAYER_MEASUREMENT.THROTTLED,
                                e.throttled() == null ? LAYER_MEASUREMENT.THROTTLED : DSL.val(e.throttled()))
                        .where(LAYER_MEASUREMENT.SESSION_ID.eq(sessionId))
                        .and(LAYER_MEASUREMENT.MODEL.eq(e.model()))
                        .and(LAYER_MEASUREMENT.LAYER_INDEX.eq(e.layerIndex()))
                        .and(LAYER_MEASUREMENT.BACKEND.eq(e.backend()))
                        .execute();
            }
            return updated;
        });
    }
}
