package org.aodnn.profilinglab.adb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.profilinglab.adb.energy.ClockOffset;
import org.aodnn.profilinglab.adb.energy.MonsoonImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aodnn energy import-monsoon FILE --session ID}: precise energy from a Monsoon power monitor. */
@Command(name = "energy", mixinStandardHelpOptions = true, description = "Energy measurements of profiling sessions.",
        subcommands = {EnergyCommand.ImportMonsoon.class})
public final class EnergyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "import-monsoon", mixinStandardHelpOptions = true,
            description = "Import a Monsoon CSV export for a session: stores the raw samples and attributes energy "
                    + "to the session's layer windows.")
    static final class ImportMonsoon implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(paramLabel = "FILE", description = "Monsoon CSV export")
        Path file;
        @Option(names = "--session", required = true, paramLabel = "ID", description = "profiling session id")
        long session;
        @Option(names = "--capture-start", paramLabel = "TIME",
                description = "when the capture started (ISO-8601 instant or epoch milliseconds; default: the session's start)")
        String captureStart;
        @Option(names = "--baseline-mw", paramLabel = "MW",
                description = "idle power to subtract (default: the capture's samples before the first layer)")
        Double baselineMw;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("no such file: " + file);
            }
            if (baselineMw != null && (!Double.isFinite(baselineMw) || baselineMw < 0)) {
                throw new CommandFailure("--baseline-mw must be a non-negative number of mW", 2);
            }
            Long startUs = captureStart == null ? null : parseTime(captureStart);
            MonsoonImport.Result r;
            try (Store s = store.open()) {
                r = MonsoonImport.run(s, session, file, startUs, baselineMw);
            } catch (CsvFormatException e) {
                throw new CommandFailure(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            } catch (IOException e) {
                throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("session", session);
                doc.put("samples", r.samples());
                doc.put("layersUpdated", r.layersUpdated());
                if (r.baselineMw() != null) {
                    doc.put("baselineMw", r.baselineMw());
                }
                doc.put("replacedSamples", r.replacedSamples());
                Json.print(out, doc);
            } else {
                out.printf("session %d: %d Monsoon samples stored, energy attributed to %d layer rows%s%n", session,
                        r.samples(), r.layersUpdated(),
                        r.baselineMw() == null ? "" : String.format(" (idle baseline %.1f mW)", r.baselineMw()));
                if (r.replacedSamples() > 0) {
                    out.printf("replaced the %d samples of the session's earlier Monsoon import%n", r.replacedSamples());
                }
                out.flush();
            }
            return 0;
        }

        private static long parseTime(String s) {
            try {
                if (s.matches("\\d{10,16}")) {
                    return Long.parseLong(s) * 1000;
                }
                return ClockOffset.epochUs(Instant.parse(s));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new CommandFailure("--capture-start '" + s + "' is neither an ISO-8601 instant nor epoch milliseconds", 2);
            }
        }
    }
}
