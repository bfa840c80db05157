package org.aodnn.modelfitting.ui;

import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;

/**
 * Training rows from the database. A stored profile ({@code edge-server}, a phone, ...) is the device; the
 * predictor platform of a row is its target or target/backend ({@code cpu}, {@code gpu},
 * {@code browser/wasm}), as for rows read from a layer CSV, so a fit from the database and one from the
 * exported CSV give the same predictor.
 */
final class StoredRows {

    private StoredRows() {
    }

    static List<LayerSample> ofProfile(Store store, String profile) {
        List<LayerMeasurement> rows = store.measurements().find(MeasurementFilter.parse(List.of("platform=" + profile)));
        return rows.stream().map(StoredRows::sample).toList();
    }

    static LayerSample sample(LayerMeasurement m) {
        return new LayerSample(Platforms.of(m.key().target(), m.key().backend()), m.key().model(), m.key().layerIndex(),
                m.layerName(), m.geometry(), m.key().threads(), m.cpuFreqKhz(), m.latencyMs());
    }
}
