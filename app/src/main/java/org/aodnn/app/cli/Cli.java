package org.aodnn.app.cli;

import java.io.PrintWriter;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.csv.CsvFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds and runs the {@code aodnn} command line. Failures end as one line on standard error and a
 * non-zero exit code: 2 for bad usage, 1 (or the command's own code) for a failed job. Stack traces go to
 * the log file only.
 */
public final class Cli {

    public static final int EXIT_USAGE = 2;

    private Cli() {
    }

    public static CommandLine commandLine(RootCommand.GuiLauncher gui) {
        RootCommand root = new RootCommand(gui);
        CommandLine cli = new CommandLine(root);
        FeatureCommands.register(cli);
        cli.setExecutionStrategy(parseResult -> {
            root.applyDefaults();
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler(Cli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine));
        return cli;
    }

    public static int run(RootCommand.GuiLauncher gui, String... args) {
        return commandLine(gui).execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("aodnn: " + e.getMessage().replace('\n', ' ') + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int failure(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        int code = 1;
        String message;
        if (e instanceof CommandFailure f) {
            message = f.getMessage();
            code = f.exitCode();
        } else if (e instanceof CsvFormatException || e instanceof StoreException
                || e instanceof IllegalArgumentException) {
            message = e.getMessage();
        } else if (org.aodnn.db.DatabaseErrors.describe(e).isPresent()) {
            message = org.aodnn.db.DatabaseErrors.describe(e).get(); // not jOOQ's "Error while running ConnectionCallable"
        } else if (e instanceof java.nio.file.NoSuchFileException n) {
            message = n.getFile() + ": no such file";
        } else if (e instanceof java.io.IOException) {
            message = "I/O error: " + e.getMessage();
        } else {
            message = "unexpected error: " + e;
        }
        Logger log = LoggerFactory.getLogger(Cli.class);
        // INFO reaches the log file but not stderr (its threshold is WARN), so the trace stays out of the one line.
        log.info("Command {} failed", cmd.getCommandSpec().qualifiedName(), e);
        err.println("aodnn: " + String.valueOf(message).replace('\n', ' '));
        err.flush();
        return code;
    }
}
