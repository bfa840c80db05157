package org.aodnn.edgeconnector.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real edge agent in its own JVM ({@code EdgeAgentMain}), so tests can kill it with SIGKILL. Its class
 * path is what the self-contained agent jar holds (this module's classes, Jackson, picocli and the one
 * db class the jar carries), so a test also fails if the agent starts needing the database.
 */
public final class AgentProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");

    private final Process process;
    private final URI baseUri;

    private AgentProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** Starts an agent on a free loopback port (or {@code port}) and waits until it listens. */
    public static AgentProcess start(Path dataDir, Path trustedKey, int port, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", agentClassPath(),
                "org.aodnn.edgeconnector.agent.EdgeAgentMain", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--data", dataDir.toString(), "--trust", trustedKey.toString(), "--quiet"));
        command.addAll(Arrays.asList(extra));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".stderr").toFile()))
                .start();
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            URI uri = listening.get(90, TimeUnit.SECONDS);
            if (uri == null) {
                throw new IOException("the agent exited with " + process.waitFor() + " before listening; see "
                        + dataDir.resolveSibling(dataDir.getFileName() + ".stderr"));
            }
            return new AgentProcess(process, uri);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e instanceof IOException io ? io : new IOException("agent did not start: " + e, e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** SIGKILL, no shutdown hooks: the agent gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The jar's content: module classes plus Jackson, picocli and db (for CommandFailure only). */
    static String agentClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return entry.endsWith("target" + File.separator + "classes") || name.startsWith("jackson-")
                            || name.startsWith("picocli-") || name.startsWith("db-");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }
}
