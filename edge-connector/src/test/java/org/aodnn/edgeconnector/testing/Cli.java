package org.aodnn.edgeconnector.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.aodnn.db.cli.CommandFailure;
import picocli.CommandLine;

/** Runs a command as the app does: a {@link CommandFailure} becomes one line on stderr and its exit code. */
public final class Cli {

    private Cli() {
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailure f) {
                cmd.getErr().println(f.getMessage());
                return f.exitCode();
            }
            throw e;
        });
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
