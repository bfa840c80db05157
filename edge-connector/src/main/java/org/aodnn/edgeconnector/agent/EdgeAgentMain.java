package org.aodnn.edgeconnector.agent;

import org.aodnn.db.cli.CommandFailure;
import org.aodnn.edgeconnector.cli.EdgeServeCommand;
import picocli.CommandLine;

/** Main class of the self-contained agent jar: {@code java -jar edge-connector-agent.jar --data DIR --trust KEY}. */
public final class EdgeAgentMain {

    private EdgeAgentMain() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new EdgeServeCommand()).setCommandName("aodnn-edge-agent");
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailure failure) {
                cmd.getErr().println("error: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
