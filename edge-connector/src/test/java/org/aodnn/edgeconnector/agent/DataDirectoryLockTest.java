package org.aodnn.edgeconnector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.edgeconnector.cli.EdgeServeCommand;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One agent per data directory: a second one on the same directory fails fast, and the directory frees on close. */
class DataDirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondAgentOnTheSameDataDirectoryIsRefused() throws Exception {
        TrustedKeys keys = TrustedKeys.of(List.of(Ed25519.generate().getPublic()));
        Path data = dir.resolve("data");
        try (EdgeAgent first = EdgeAgent.start(AgentConfig.loopback(data, keys))) {
            long logSize = Files.size(data.resolve("agent.log"));
            DataDirectoryLock.InUseException e = assertThrows(DataDirectoryLock.InUseException.class,
                    () -> EdgeAgent.start(AgentConfig.loopback(data, keys)));
            assertTrue(e.getMessage().startsWith("the data directory " + data + " is in use by another edge agent"),
                    e.getMessage());
            assertEquals(logSize, Files.size(data.resolve("agent.log")), "the refused agent wrote nothing there");

            // the command says so on one line, without starting
            Path pem = dir.resolve("trust.pem");
            Files.writeString(pem, Ed25519.publicPem(Ed25519.generate().getPublic()));
            Cli.Result serve = Cli.run(new EdgeServeCommand(), "--data", data.toString(), "--trust", pem.toString(),
                    "--port", "0", "--bind", "127.0.0.1", "--quiet");
            assertEquals(1, serve.exit(), serve.out());
            assertTrue(serve.err().startsWith("the data directory " + data + " is in use by another edge agent"),
                    serve.err());

            // another directory is fine meanwhile
            try (EdgeAgent other = EdgeAgent.start(AgentConfig.loopback(dir.resolve("other"), keys))) {
                assertTrue(other.port() > 0);
            }
        }
        // the first one stopped: the directory can be used again
        try (EdgeAgent again = EdgeAgent.start(AgentConfig.loopback(data, keys))) {
            assertTrue(again.port() > 0);
        }
    }
}
