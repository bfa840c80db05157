package org.aodnn.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code aodnn} in-process against one database file, capturing standard output and error. */
final class CliRunner {

    private final Path db;

    CliRunner(Path db) {
        this.db = db;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db.toString());
        return runRaw(all.toArray(String[]::new));
    }

    static Result runRaw(String... args) {
        CommandLine cli = Cli.commandLine(dbOption -> {
            throw new AssertionError("the window must not open in CLI tests");
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
    }
}
