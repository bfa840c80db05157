package org.aodnn.db.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aodnn.db.SampleData;
import org.aodnn.db.Store;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;

/**
 * Times the import path (read and validate a layer CSV, then upsert every row in one transaction) on a
 * fresh file database: the rows are the shipped edge measurements repeated on as many platforms as it
 * takes to reach the requested count, so every row is a distinct measurement.
 */
public final class ImportBenchmark {

    /** One run's figures, in milliseconds. */
    public record Result(int rows, double parseMs, double storeMs) {
        public double totalMs() {
            return parseMs + storeMs;
        }
    }

    private ImportBenchmark() {
    }

    public static Path writeCsv(Path dir, int rows) throws IOException {
        List<LayerMeasurement> base = LayerCsv.readMeasurements(SampleData.table("edge-layer-latency.csv"), (t, b) -> "x");
        List<LayerMeasurement> all = new ArrayList<>(rows);
        for (int i = 0; all.size() < rows; i++) {
            LayerMeasurement m = base.get(i % base.size());
            MeasurementKey k = m.key();
            MeasurementKey key = new MeasurementKey("bench-" + (i / base.size()), k.model(), k.layerIndex(), k.target(),
                    k.threads(), k.backend(), k.browser());
            all.add(new LayerMeasurement(key, m.layerName(), m.geometry(), m.latencyMs(), null, null, null, m.reps(),
                    null, null, null, null));
        }
        Path file = dir.resolve("bench-" + rows + ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            LayerCsv.writeMeasurements(all, w);
        }
        return file;
    }

    /** Imports {@code csv} into a new database under {@code dir}; returns the timings. */
    public static Result run(Path csv, Path dir, int run) throws IOException {
        try (Store store = Store.open(dir.resolve("bench-db-" + run), false)) {
            long t0 = System.nanoTime();
            List<LayerMeasurement> rows = LayerCsv.readMeasurements(CsvTable.read(csv), (t, b) -> "unused");
            long t1 = System.nanoTime();
            store.measurements().upsertAll(rows);
            long t2 = System.nanoTime();
            return new Result(rows.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
