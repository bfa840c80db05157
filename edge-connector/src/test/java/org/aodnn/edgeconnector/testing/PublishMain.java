package org.aodnn.edgeconnector.testing;

import java.io.PrintWriter;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.edgeconnector.cli.PublishCommand;
import picocli.CommandLine;

/**
 * {@code aodnn publish} as its own process, the way the app runs it (a {@link CommandFailure} is one line on
 * stderr and the exit code), so a test can send it a real SIGINT.
 */
public final class PublishMain {

    private PublishMain() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PublishCommand());
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailure f) {
                cmd.getErr().println(f.getMessage());
                cmd.getErr().flush();
                return f.exitCode();
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
