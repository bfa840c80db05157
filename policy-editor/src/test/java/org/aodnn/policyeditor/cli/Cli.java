package org.aodnn.policyeditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.aodnn.db.cli.CommandFailure;
import picocli.CommandLine;

/**
 * Runs a command as the app does: picocli parses the arguments, a {@link CommandFailure} becomes its
 * message on standard error and its exit code (the app's handler prints exactly that), output is captured.
 */
final class Cli {

    private Cli() {
    }

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + " (stderr: " + err + ")", e);
            }
        }
    }

    static Result run(Object command, List<String> args) {
        return run(command, args.toArray(String[]::new));
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (!(e instanceof CommandFailure failure)) {
                throw e; // a bug, not an operator error: let the test see the stack trace
            }
            commandLine.getErr().println(failure.getMessage());
            commandLine.getErr().flush();
            return failure.exitCode();
        });
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
