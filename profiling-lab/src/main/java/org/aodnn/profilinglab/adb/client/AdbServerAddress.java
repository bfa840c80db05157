package org.aodnn.profilinglab.adb.client;

import java.time.Duration;
import java.util.Map;

/**
 * Where the adb server listens and how long to wait for it. Defaults follow adb itself: port
 * {@code $ANDROID_ADB_SERVER_PORT} or 5037, host {@code $ANDROID_ADB_SERVER_ADDRESS} or loopback. The adb
 * executable is {@code adb} from PATH unless configured (Debian's package {@code adb}).
 */
public record AdbServerAddress(String host, int port, String adbExecutable, Duration connectTimeout,
                               Duration readTimeout) {

    public static final int DEFAULT_PORT = 5037;

    public static AdbServerAddress fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static AdbServerAddress fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("ANDROID_ADB_SERVER_ADDRESS", "127.0.0.1");
        int port = DEFAULT_PORT;
        String p = env.get("ANDROID_ADB_SERVER_PORT");
        if (p != null && !p.isBlank()) {
            try {
                port = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ANDROID_ADB_SERVER_PORT='" + p + "' is not a port number");
            }
        }
        return new AdbServerAddress(host, port, "adb", Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public AdbServerAddress withPort(int newPort) {
        return new AdbServerAddress(host, newPort, adbExecutable, connectTimeout, readTimeout);
    }

    public AdbServerAddress withHost(String newHost) {
        return new AdbServerAddress(newHost, port, adbExecutable, connectTimeout, readTimeout);
    }

    public AdbServerAddress withReadTimeout(Duration t) {
        return new AdbServerAddress(host, port, adbExecutable, connectTimeout, t);
    }

    public boolean isLoopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
