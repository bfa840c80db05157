package org.aodnn.modelfitting.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.OutputFile;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.files.AtomicFiles;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.modelfitting.predictor.Prediction;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorFormatException;
import org.aodnn.modelfitting.predictor.PredictorJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn predict}: predicts every row of a layer CSV with a predictor document and writes the rows
 * back, in order, with {@code predicted_ms} ({@code predicted_mj} for an energy predictor) and {@code flag}
 * (fallback used, empty when none) appended.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict layer latencies (or energies, with an energy predictor) with a predictor document.",
            "Input: a layer CSV with the geometry columns and target (threads, backend optional; threads",
            "defaults to 1, 0 on a GPU); the predictor platform is target or target/backend, or, in a file",
            "without target, its platform column (a platform column beside target names the device);",
            "output: every input row in order plus predicted_ms (predicted_mj for energy) and flag."})
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--predictor", required = true, paramLabel = "P.json", description = "predictor document")
    Path predictor;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "layer CSV to predict")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "where to write the rows with predictions")
    Path out;

    @Option(names = "--platform", paramLabel = "PLATFORM",
            description = {"predict every row on this predictor platform (e.g. cpu, gpu, browser/wasm) whatever the",
                "file's target/backend/platform columns say; needed for a file without them, such as a model's",
                "layer table (model-layers.csv)"})
    String platform;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads for every row (default: the file's threads column, else 1, or 0 on a GPU)")
    Integer threads;

    @Option(names = "--json", description = "print a JSON summary")
    boolean json;

    @Override
    public Integer call() {
        PredictorDocument doc;
        try {
            doc = PredictorJson.read(predictor);
        } catch (PredictorFormatException e) {
            throw new CommandFailure(e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure("--predictor " + predictor + ": cannot read: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(data)) {
            throw new CommandFailure("--data " + data + (Files.isDirectory(data) ? ": is a directory, not a CSV file"
                    : ": no such file"));
        }
        OutputFile.requireWritable("--out", out);
        if (platform != null && platform.isBlank()) {
            throw new CommandFailure("--platform: give a predictor platform (the predictor has "
                    + String.join(", ", doc.platformNames()) + ")", 2);
        }
        if (threads != null && threads < 0) {
            throw new CommandFailure("--threads must be 0 or more, not " + threads, 2);
        }
        PredictorEvaluator evaluator = new PredictorEvaluator(doc);
        String predictedColumn = doc.quantityKind().predictedColumn();
        List<String> lines = new ArrayList<>();
        int fallbacks = 0;
        CsvTable table;
        try {
            table = CsvTable.read(data);
            List<String> required = new ArrayList<>(LayerCsv.GEOMETRY_COLUMNS);
            if (platform == null && (!table.hasColumn("platform") || table.hasColumn("target"))) {
                required.add("target");
            }
            table.requireColumns(required);
            for (String c : List.of(predictedColumn, "flag")) {
                if (table.hasColumn(c)) {
                    throw new CsvFormatException(table.source(), 1, c, "the input already has this output column");
                }
            }
            for (CsvTable.Row row : table.rows()) {
                LayerSample sample = sample(row);
                if (!evaluator.hasPlatform(sample.platform())) {
                    String known = " is not in the predictor (it has " + String.join(", ", doc.platformNames()) + ")";
                    if (platform != null) {
                        throw new CommandFailure("--platform " + platform + known, 2);
                    }
                    throw row.problem(table.hasColumn("target") ? "target" : "platform", "platform '"
                            + sample.platform() + "'" + known);
                }
                Prediction p = evaluator.predict(sample);
                fallbacks += p.isFallback() ? 1 : 0;
                List<String> cells = new ArrayList<>();
                for (String column : table.header()) {
                    cells.add(LayerCsv.quote(row.optional(column).orElse("")));
                }
                cells.add(Double.toString(p.ms()));
                cells.add(p.flag());
                lines.add(String.join(",", cells));
            }
        } catch (CsvFormatException e) {
            throw new CommandFailure(e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure("--data " + data + ": cannot read: " + e.getMessage(), e);
        }
        write(table.header(), predictedColumn, lines);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            var root = Json.object();
            root.put("rows", lines.size());
            root.put("quantity", doc.quantity());
            root.put("fallbacks", fallbacks);
            root.put("out", out.toString());
            Json.print(w, root);
        } else {
            w.printf("Predicted %d rows (%d by a fallback model) -> %s%n", lines.size(), fallbacks, out);
            w.flush();
        }
        return 0;
    }

    private LayerSample sample(CsvTable.Row row) {
        LayerGeometry g = LayerCsv.geometry(row);
        // an exported layer-CSV's platform column names the device that measured the row; with a target,
        // the predictor platform is target/backend as in training (MeasurementFiles)
        String platform = this.platform != null ? this.platform
                : row.optional("target").isPresent()
                ? Platforms.of(row.text("target"), row.optional("backend").orElse(""))
                : row.text("platform");
        // Without a threads column: one thread, or 0 on a GPU (the value GPU rows carry).
        int threads = this.threads != null ? this.threads
                : row.optional("threads").isPresent() ? row.nonNegativeInt("threads")
                : Platforms.defaultThreads(platform);
        int index = row.optional("layer_index").isPresent() ? row.nonNegativeInt("layer_index") : row.line() - 2;
        return new LayerSample(platform, row.optional("model").orElse(""), index, row.optional("layer_name").orElse(""),
                g, threads, row.optionalNonNegativeLong("cpu_freq_khz"), Double.NaN);
    }

    /** Writes to a temporary file first, so a failure never leaves half an output file. */
    private void write(List<String> header, String predictedColumn, List<String> lines) {
        List<String> head = new ArrayList<>();
        for (String h : header) {
            head.add(LayerCsv.quote(h));
        }
        head.add(predictedColumn);
        head.add("flag");
        try {
            AtomicFiles.writeText(out, wr -> {
                wr.write(String.join(",", head));
                wr.write('\n');
                for (String line : lines) {
                    wr.write(line);
                    wr.write('\n');
                }
            });
        } catch (IOException e) {
            throw new CommandFailure("--out " + out + ": cannot write: " + e.getMessage(), e);
        }
    }
}
