package org.aodnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.aodnn.db.bench.ImportBenchmark;
import org.aodnn.db.cli.CommandFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks that anyone can run to reproduce the figures in the README. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Redraw.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import N layer rows (CSV parse + validation + one-transaction upsert) into fresh file databases.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "100000", description = "Rows per import (default: ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--runs", defaultValue = "5", description = "Measured runs after one warm-up (default: ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws IOException {
            if (rows < 1 || runs < 1) {
                throw new CommandFailure("--rows and --runs must be at least 1", 2);
            }
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("aodnn-bench-");
            try {
                Path csv = ImportBenchmark.writeCsv(dir, rows);
                ImportBenchmark.run(csv, dir, 0); // warm-up: class loading and JIT
                double[] totals = new double[runs];
                for (int i = 0; i < runs; i++) {
                    ImportBenchmark.Result r = ImportBenchmark.run(csv, dir, i + 1);
                    totals[i] = r.totalMs();
                    out.printf("run %d: %d rows, parse %.0f ms, store %.0f ms, total %.0f ms%n", i + 1, r.rows(),
                            r.parseMs(), r.storeMs(), r.totalMs());
                }
                out.printf("median import of %d rows: %.0f ms (%d cores)%n", rows, ImportBenchmark.median(totals),
                        Runtime.getRuntime().availableProcessors());
                out.flush();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return 0;
        }
    }

    @Command(name = "redraw", mixinStandardHelpOptions = true,
            description = "Slider-to-redrawn-chart latency of the Policy Editor in the running window (needs a display).")
    static final class Redraw implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        org.aodnn.db.cli.StoreOptions storeOptions;

        @Option(names = "--moves", defaultValue = "300", description = "Slider moves per slider (default: ${DEFAULT-VALUE})")
        int moves;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (org.aodnn.db.Store store = storeOptions.open()) {
                for (var r : org.aodnn.app.ui.RedrawBenchmark.run(store, moves)) {
                    out.printf("%s: %d moves, %d chart redraws, p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", r.slider(),
                            r.millis().size(), r.redraws(), r.percentile(50), r.percentile(95), r.percentile(100));
                }
            }
            out.flush();
            return 0;
        }
    }
}
