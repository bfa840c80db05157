package org.aodnn.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.cli.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Database maintenance: row counts and online backup. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Inspect and back up the database.",
        subcommands = {DbCommand.Stats.class, DbCommand.Backup.class})
public final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Row count of every table.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--json", description = "Print {\"tables\": {name: rows}}")
        boolean json;

        @Override
        public Integer call() {
            Map<String, Integer> counts;
            Path file;
            try (Store store = storeOptions.open()) {
                counts = store.tableRowCounts();
                file = store.file();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                var doc = Json.object();
                var tables = doc.putObject("tables");
                counts.forEach(tables::put);
                Json.print(out, doc);
            } else {
                out.println("Database: " + file);
                TextTable table = new TextTable("TABLE", "ROWS");
                counts.forEach(table::row);
                table.print(out);
            }
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the database (a zip archive) while it is in use.")
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "FILE", description = "Backup archive to write (.zip)")
        Path target;

        @Override
        public Integer call() {
            if (Files.isDirectory(target)) {
                throw new CommandFailure(target + " is a directory; give a file name for the backup archive");
            }
            try (Store store = storeOptions.open()) {
                store.backupTo(target);
            }
            spec.commandLine().getOut().println("Backed up the database to " + target.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
