package org.aodnn.modelfitting.ui;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * Training rows from the database. A stored profile ({@code edge-server}, a phone, ...) is the device; the
 * predictor platform of a row is its target or target/backend ({@code cpu}, {@code gpu},
 * {@code browser/wasm}), as for rows read from a layer CSV, so a fit from the database and one from the
 * exported CSV give the same predictor. Every row has a latency; only phone runs that read the battery's
 * power have an energy, so the energy rows are a subset.
 */
final class StoredRows {

    /** One profile's rows as latency samples and, for the rows that measured it, as energy samples. */
    record ProfileRows(List<LayerSample> latency, List<LayerSample> energy) {

        static final ProfileRows EMPTY = new ProfileRows(List.of(), List.of());

        List<LayerSample> of(Quantity quantity) {
            return quantity == Quantity.ENERGY ? energy : latency;
        }

        /** Several devices' rows as one set. */
        static ProfileRows concat(List<ProfileRows> parts) {
            List<LayerSample> latency = new ArrayList<>();
            List<LayerSample> energy = new ArrayList<>();
            for (ProfileRows p : parts) {
                latency.addAll(p.latency());
                energy.addAll(p.energy());
            }
            return new ProfileRows(List.copyOf(latency), List.copyOf(energy));
        }
    }

    private StoredRows() {
    }

    static ProfileRows ofProfile(Store store, String profile) {
        List<LayerMeasurement> rows = store.measurements().find(MeasurementFilter.parse(List.of("platform=" + profile)));
        List<LayerSample> latency = new ArrayList<>(rows.size());
        List<LayerSample> energy = new ArrayList<>();
        for (LayerMeasurement m : rows) {
            String device = LayerSample.deviceOf(m.key().platform(), m.key().browser());
            latency.add(LayerSample.of(m, Quantity.LATENCY, device).orElseThrow()); // every row has a latency
            LayerSample.of(m, Quantity.ENERGY, device).ifPresent(energy::add);
        }
        return new ProfileRows(List.copyOf(latency), List.copyOf(energy));
    }
}
