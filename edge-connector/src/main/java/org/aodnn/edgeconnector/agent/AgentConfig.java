package org.aodnn.edgeconnector.agent;

import java.nio.file.Path;
import org.aodnn.edgeconnector.crypto.TrustedKeys;

/**
 * How an edge agent runs: where it listens, its data directory, the keys it trusts, the optional bearer
 * token for writes, optional TLS (PEM certificate chain and PKCS#8 key) and the CORS origin of the web app.
 */
public record AgentConfig(String bindAddress, int port, Path dataDir, TrustedKeys trustedKeys, String token,
                          Path tlsCert, Path tlsKey, String corsOrigin, boolean logToStderr) {

    /** Largest accepted manifest body: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    public AgentConfig {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, not " + port);
        }
    }

    public static AgentConfig loopback(Path dataDir, TrustedKeys keys) {
        return new AgentConfig("127.0.0.1", 0, dataDir, keys, null, null, null, null, false);
    }

    public AgentConfig withToken(String newToken) {
        return new AgentConfig(bindAddress, port, dataDir, trustedKeys, newToken, tlsCert, tlsKey, corsOrigin,
                logToStderr);
    }

    public AgentConfig withCorsOrigin(String origin) {
        return new AgentConfig(bindAddress, port, dataDir, trustedKeys, token, tlsCert, tlsKey, origin, logToStderr);
    }

    public AgentConfig withTls(Path cert, Path key) {
        return new AgentConfig(bindAddress, port, dataDir, trustedKeys, token, cert, key, corsOrigin, logToStderr);
    }

    public boolean tls() {
        return tlsCert != null;
    }
}
