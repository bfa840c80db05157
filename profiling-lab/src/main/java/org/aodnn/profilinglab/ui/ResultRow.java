package org.aodnn.profilinglab.ui;

import org.aodnn.db.domain.LayerMeasurement;

/**
 * One line of the results table: a measured layer on one backend. Statistics the source did not give
 * (imported rows have only the median) and energy (only phone runs measure it) are null.
 */
public record ResultRow(String model, int layerIndex, String layerName, String layerType, String backend,
                        double medianMs, Double minMs, Double maxMs, Double stddevMs, int reps, Double energyMj,
                        Boolean throttled) {

    public static ResultRow of(LayerMeasurement m) {
        return new ResultRow(m.key().model(), m.key().layerIndex(), m.layerName(), m.geometry().layerType(),
                m.key().backend(), m.latencyMs(), m.latencyMinMs(), m.latencyMaxMs(), m.latencyStddevMs(), m.reps(),
                m.energyMj(), m.throttled());
    }
}
