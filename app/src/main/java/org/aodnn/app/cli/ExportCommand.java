package org.aodnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.files.AtomicFiles;
import org.aodnn.db.repo.MeasurementFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exports layer measurements in the import format, so an export re-imports to the same rows. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export layer measurements (layer-CSV format; re-imports to the same rows).")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Output format: layer-csv")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Option(names = "--where", paramLabel = "COL=VALUE",
            description = "Keep rows whose column equals the value (repeat; several values of one column mean any)")
    List<String> where;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!"layer-csv".equals(format)) {
            throw new CommandFailure("--format " + format + ": unsupported (supported: layer-csv)", 2);
        }
        MeasurementFilter filter;
        try {
            filter = MeasurementFilter.parse(where);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--where: " + e.getMessage(), 2); // bad usage, as in fit
        }
        List<LayerMeasurement> rows;
        try (Store store = storeOptions.open()) {
            rows = store.measurements().find(filter);
            if (rows.isEmpty() && where != null && !where.isEmpty()) {
                // most likely a misspelt value: say what is stored rather than write a file with a header only
                String stored = store.measurements().profiles().stream().map(p -> p.platform()).distinct()
                        .collect(java.util.stream.Collectors.joining(", "));
                throw new CommandFailure("no stored measurement rows match the --where conditions; nothing was written"
                        + (stored.isEmpty() ? " (the database holds no measurements)" : " (stored platforms: " + stored + ")"));
            }
        }
        Path target = out.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        // an interrupted export never leaves a half-written file
        AtomicFiles.writeText(target, writer -> LayerCsv.writeMeasurements(rows, writer));
        PrintWriter console = spec.commandLine().getOut();
        if (json) {
            var doc = Json.object();
            doc.put("rows", rows.size());
            doc.put("out", target.toString());
            Json.print(console, doc);
        } else {
            console.printf("Exported %d layer measurements to %s%n", rows.size(), target);
            console.flush();
        }
        return 0;
    }
}
