package org.aodnn.modelfitting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;

/**
 * Reads training rows from layer-CSV files (edge-layer-latency.csv format, optional backend/browser
 * columns). Platform of a row: its {@code platform} column, else target or target/backend.
 */
public final class MeasurementFiles {

    private MeasurementFiles() {
    }

    public static List<LayerSample> read(List<Path> files, RowFilter filter) throws IOException {
        List<LayerSample> out = new ArrayList<>();
        for (Path file : files) {
            CsvTable table = CsvTable.read(file);
            filter.check(table);
            List<LayerMeasurement> rows = LayerCsv.readMeasurements(table, Platforms::of);
            for (int i = 0; i < rows.size(); i++) {
                LayerMeasurement m = rows.get(i);
                if (filter.matches(table.rows().get(i), m.key().platform())) {
                    out.add(LayerSample.of(m));
                }
            }
        }
        return out;
    }
}
