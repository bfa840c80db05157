package org.aodnn.profilinglab.adb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aodnn.db.DataHome;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.profilinglab.adb.client.AdbException;
import org.aodnn.profilinglab.adb.client.EmulatorScan;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn virtual-phone --port 5600}: runs a simulated phone until Ctrl-C. It keeps its own state
 * directory and never opens the console's database. The default port is outside the adb server's emulator scan
 * ({@link EmulatorScan}): there the phone would be listed twice, once as {@code emulator-N}.
 */
@Command(name = "virtual-phone", mixinStandardHelpOptions = true,
        description = "Run a simulated Android phone (adbd over TCP) for trying the lab without hardware. "
                + "Everything it reports is simulated and labelled so.")
public final class VirtualPhoneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Just above the adb server's emulator scan, so the phone is listed once. */
    static final int DEFAULT_PORT = 5600;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "PORT",
            description = "loopback TCP port adbd listens on (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the phone keeps its storage, settings and browser profiles "
                    + "(default: $AODNN_HOME/virtual-phone-PORT)")
    Path stateDir;

    @Option(names = "--no-root", description = "simulate a retail phone without su (frequency control is refused)")
    boolean noRoot;

    @Option(names = "--connect", description = "also run 'adb connect 127.0.0.1:PORT' on the adb server")
    boolean connect;

    @Mixin
    AdbOptions adb = new AdbOptions();

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new CommandFailure("--port " + port + " is not a TCP port (0..65535)", 2);
        }
        Path dir = stateDir != null ? stateDir
                : DataHome.fromEnvironment().directory().resolve("virtual-phone-" + port);
        VirtualPhone phone;
        try {
            phone = VirtualPhone.start(port, dir, !noRoot);
        } catch (BindException e) {
            throw new CommandFailure("port " + port + " on 127.0.0.1 is in use; choose another with --port");
        } catch (IOException e) {
            throw new CommandFailure("cannot start the virtual phone in " + dir + ": " + e.getMessage());
        }
        Thread hook = new Thread(phone::close, "virtual-phone-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Virtual phone (simulated) listening on " + phone.adbSerial() + ", state in " + dir);
        if (EmulatorScan.scans(phone.port())) {
            out.println("Note: port " + phone.port() + " is in the adb server's emulator scan (" + EmulatorScan.FIRST_PORT
                    + "-" + EmulatorScan.LAST_PORT + "): an adb server started later also lists this phone as emulator-"
                    + (phone.port() - 1) + " (the Profiling Lab shows it once); a port outside it avoids that");
        }
        try {
            if (connect) {
                out.println(adb.server().connectDevice(phone.adbSerial()));
            } else {
                out.println("Connect it with: adb connect " + phone.adbSerial());
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | AdbException e) {
            throw new CommandFailure("the phone runs but 'adb connect' failed: " + e.getMessage());
        } finally {
            phone.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        return 0;
    }

    /** Stops a phone started by {@link #call()} (for embedding and tests; Ctrl-C does the same). */
    public void stop() {
        stop.countDown();
    }
}
