package org.aodnn.profilinglab.adb.cli;

import org.aodnn.db.cli.CommandFailure;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbException;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import picocli.CommandLine.Option;

/** {@code --adb-host} and {@code --adb-port}: which adb server to use (started when absent on this computer). */
public final class AdbOptions {

    @Option(names = "--adb-host", paramLabel = "HOST",
            description = "adb server host (default: $ANDROID_ADB_SERVER_ADDRESS or 127.0.0.1)")
    String host;

    @Option(names = "--adb-port", paramLabel = "PORT",
            description = "adb server port (default: $ANDROID_ADB_SERVER_PORT or 5037)")
    Integer port;

    public AdbServerAddress address() {
        AdbServerAddress a;
        try {
            a = AdbServerAddress.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (host != null) {
            a = a.withHost(host);
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new CommandFailure("--adb-port " + port + " is not a TCP port (1..65535)", 2);
            }
            a = a.withPort(port);
        }
        return a;
    }

    /** The server, started if needed. */
    public AdbServerClient server() {
        AdbServerClient s = new AdbServerClient(address());
        try {
            s.ensureRunning();
        } catch (AdbException e) {
            throw new CommandFailure(e.getMessage());
        }
        return s;
    }

    public AdbDevice open(String serial) {
        AdbServerClient s = server();
        try {
            return AdbDevice.open(s, serial);
        } catch (AdbException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
