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
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * Reads training rows from layer-CSV files (edge-layer-latency.csv format, optional backend/browser/platform
 * columns). The predictor platform of a row is its target or target/backend ({@code cpu}, {@code browser/wasm}),
 * as for rows read from the database: a CSV's {@code platform} column names the device (profile) that measured
 * it, which a {@code --where platform=...} condition selects by, and which differs between devices of one
 * predictor platform (the device's capability is a feature within the platform, paper Eq. 1).
 */
public final class MeasurementFiles {

    private MeasurementFiles() {
    }

    /** The rows selected for one quantity, and how many matching rows were left out for not measuring it. */
    public record Selection(List<LayerSample> rows, int matched, int withoutValue) {
    }

    public static List<LayerSample> read(List<Path> files, RowFilter filter) throws IOException {
        return read(files, filter, Quantity.LATENCY).rows();
    }

    /**
     * The rows matching {@code filter} that measured {@code quantity} (every row measures latency; only phone
     * runs measure energy), carrying its value. No such row is an error naming the files.
     */
    public static Selection read(List<Path> files, RowFilter filter, Quantity quantity) throws IOException {
        List<LayerSample> out = new ArrayList<>();
        int matched = 0;
        for (Path file : files) {
            CsvTable table = CsvTable.read(file);
            filter.check(table);
            List<LayerMeasurement> rows = LayerCsv.readMeasurements(table, Platforms::of);
            for (int i = 0; i < rows.size(); i++) {
                LayerMeasurement m = rows.get(i);
                if (filter.matches(table.rows().get(i), m.key().platform())) {
                    matched++;
                    // the device: the row's platform column (its profile), else the file; and its browser
                    String device = LayerSample.deviceOf(table.hasColumn("platform") ? m.key().platform()
                            : file.getFileName().toString(), m.key().browser());
                    LayerSample.of(m, quantity, device).ifPresent(out::add);
                }
            }
        }
        if (matched > 0 && out.isEmpty()) {
            throw new IllegalArgumentException("none of the " + matched + " measurement rows"
                    + (filter.isEmpty() ? "" : " matching the conditions") + " in " + files + " has a value in column "
                    + quantity.id() + ": " + quantity.cliName() + " is measured only on phones"
                    + " (the column is empty or absent)");
        }
        return new Selection(out, matched, matched - out.size());
    }
}
