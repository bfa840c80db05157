package org.aodnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports layer measurements. Every file is validated completely before anything is written, and all
 * files go in one transaction: a bad row anywhere leaves the database as it was.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import layer measurements (layer-CSV format of edge-layer-latency.csv) in one transaction.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Input format: layer-csv")
    String format;

    @Option(names = "--platform", paramLabel = "NAME",
            description = "Platform the rows were measured on (default: the file's 'platform' column, else its base name)")
    String platform;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV file(s) to import")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        if (!"layer-csv".equals(format)) {
            throw new CommandFailure("--format " + format + ": unsupported (supported: layer-csv)", 2);
        }
        if (platform != null && platform.isBlank()) {
            throw new CommandFailure("--platform: give a name (or leave the option out)", 2);
        }
        List<LayerMeasurement> rows = new ArrayList<>();
        // one measurement per key: a second row of the same layer would silently replace the first
        Map<MeasurementKey, String> firstSeen = new HashMap<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                throw new CommandFailure(file + ": is a directory, not a CSV file");
            }
            if (!Files.isReadable(file)) {
                throw new CommandFailure(file + ": no such readable file");
            }
            CsvTable table = CsvTable.read(file);
            String fallback = baseName(file);
            List<LayerMeasurement> read = platform != null
                    ? LayerCsv.readMeasurements(table, platform.trim())
                    : LayerCsv.readMeasurements(table, (t, b) -> fallback);
            for (int i = 0; i < read.size(); i++) {
                MeasurementKey key = read.get(i).key();
                String here = file + " line " + table.rows().get(i).line();
                if (key.platform().isBlank()) {
                    throw new CommandFailure(here + ": the platform is empty; nothing was imported");
                }
                String earlier = firstSeen.putIfAbsent(key, here);
                if (earlier != null) {
                    throw new CommandFailure(here + " measures the same layer as " + earlier + " (" + describe(key)
                            + "); nothing was imported");
                }
            }
            rows.addAll(read);
        }
        try (Store store = storeOptions.open()) {
            store.measurements().upsertAll(rows);
        }
        long models = rows.stream().map(r -> r.key().model()).distinct().count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var doc = Json.object();
            doc.put("rows", rows.size());
            doc.put("models", models);
            var fileArray = doc.putArray("files");
            files.forEach(f -> fileArray.add(f.toString()));
            Json.print(out, doc);
        } else {
            out.printf("Imported %d layer measurements of %d models from %d file(s).%n", rows.size(), models,
                    files.size());
            out.flush();
        }
        return 0;
    }

    private static String describe(MeasurementKey k) {
        return "platform " + k.platform() + ", model " + k.model() + ", layer " + k.layerIndex() + ", target "
                + k.target() + ", threads " + k.threads() + (k.backend().isEmpty() ? "" : ", backend " + k.backend())
                + (k.browser().isEmpty() ? "" : ", browser " + k.browser());
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
