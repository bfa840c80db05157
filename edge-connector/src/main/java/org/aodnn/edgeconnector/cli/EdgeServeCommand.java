package org.aodnn.edgeconnector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.KeyFormatException;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn edge serve}: runs the edge agent until the process is stopped. It uses only its data
 * directory and the trusted key files (never the console's database), so the same class is the main
 * command of the self-contained agent jar.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = EdgeServeCommand.Version.class,
        description = "Run the edge agent: serve signed manifests and auto-offloading.js, accept new manifests.")
public final class EdgeServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8787",
            description = "TCP port (0 picks a free one; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "the agent's data directory (manifests, agent.log)")
    Path data;

    @Option(names = "--trust", paramLabel = "PUBLIC_KEY_PEM", required = true,
            description = "public key file(s) whose signatures are accepted; repeat during a key rotation")
    List<Path> trust;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:AODNN_EDGE_TOKEN}",
            description = "bearer token required for PUT, rollback and GET /v1/auth (default: $AODNN_EDGE_TOKEN; none: open)")
    String token;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "certificate chain (PEM) for HTTPS")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "unencrypted PKCS#8 private key (PEM) for HTTPS")
    Path tlsKey;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "origin of the web app allowed to read manifests (e.g. https://app.example.org, or *)")
    String corsOrigin;

    @Option(names = "--quiet", description = "do not echo the log on standard error")
    boolean quiet;

    /** {@code --version}: the agent's version (the jar's Implementation-Version when packaged). */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aodnn edge agent " + EdgeAgent.agentVersion()};
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CommandFailure("--tls-cert and --tls-key go together", 2);
        }
        TrustedKeys keys;
        try {
            keys = TrustedKeys.fromPemFiles(trust);
        } catch (KeyFormatException e) {
            throw new CommandFailure(e.getMessage());
        }
        AgentConfig config = new AgentConfig(bind, port, data.toAbsolutePath().normalize(), keys,
                token == null || token.isBlank() ? null : token, tlsCert, tlsKey, corsOrigin, !quiet);
        EdgeAgent agent;
        try {
            agent = EdgeAgent.start(config);
        } catch (KeyFormatException | org.aodnn.edgeconnector.agent.DataDirectoryLock.InUseException e) {
            throw new CommandFailure(e.getMessage());
        } catch (java.net.BindException e) {
            throw new CommandFailure("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "edge-agent-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("edge agent listening on " + agent.baseUri());
        out.flush();
        stopped.await();
        return 0;
    }
}
