package org.aodnn.edgeconnector.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The agent's own log file ({@code DATA/agent.log}), one line per event, appended and flushed at once so
 * the last lines before a kill are there. Kept apart from any logging framework so several agents in one
 * JVM (the tests, the benchmark) each write their own file.
 */
public final class AgentLog implements AutoCloseable {

    private final PrintWriter out;
    private final Clock clock;
    private final boolean echo;

    private AgentLog(PrintWriter out, Clock clock, boolean echo) {
        this.out = out;
        this.clock = clock;
        this.echo = echo;
    }

    public static AgentLog open(Path file, Clock clock, boolean echoToStderr) throws IOException {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                StandardCharsets.UTF_8));
        return new AgentLog(out, clock, echoToStderr);
    }

    public void info(String message) {
        line("INFO", message);
    }

    public void warn(String message) {
        line("WARN", message);
    }

    public void error(String message) {
        line("ERROR", message);
    }

    private synchronized void line(String level, String message) {
        String line = clock.instant() + " " + level + " " + message;
        out.println(line);
        out.flush();
        if (echo) {
            System.err.println(line);
        }
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
