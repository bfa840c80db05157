package org.aodnn.modelfitting.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aodnn.modelfitting.MeasurementFiles;
import org.aodnn.modelfitting.RowFilter;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.FitResult;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * Times a full fit (every family, the whole CV grid, final Smile fits) on the rows of a layer CSV.
 * Usage: {@code FitBenchmark FILE.csv [MODE] [RUNS]}; prints each run and the median, after one warm-up run.
 */
public final class FitBenchmark {

    private FitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: FitBenchmark FILE.csv [MODE] [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        FitOptions options = FitOptions.mode(args.length > 1 ? args[1] : "log");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<LayerSample> rows = MeasurementFiles.read(List.of(file), RowFilter.all());
        PredictorFitter fitter = new PredictorFitter(options);
        FitResult warm = fitter.fit(rows, FitMonitor.NONE);
        long units = warm.document().platforms().stream().mapToLong(p -> p.units().size()).sum();
        System.out.printf(Locale.ROOT, "%d rows, mode %s, %d unit models, %d CV grid points, %d cores%n", rows.size(),
                options.name(), units, warm.cvScores().size(), Runtime.getRuntime().availableProcessors());
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            fitter.fit(rows, FitMonitor.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.add(s);
            System.out.printf(Locale.ROOT, "run %d: %.2f s%n", i + 1, s);
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "median %.2f s (min %.2f, max %.2f)%n", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
        System.out.println(Arrays.toString(sorted));
    }
}
