package org.aodnn.profilinglab.adb;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.client.EmulatorScan;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;

/**
 * The real adb server (Debian package {@code adb}) on a private free port, plus a virtual phone connected to it
 * with {@code adb connect}. Tests never touch a server on the default port 5037; {@link #close()} kills the
 * server they started.
 */
public final class AdbTestBed implements AutoCloseable {

    public final AdbServerClient server;
    public final VirtualPhone phone;
    public final String serial;

    private AdbTestBed(AdbServerClient server, VirtualPhone phone) {
        this.server = server;
        this.phone = phone;
        this.serial = phone == null ? null : phone.adbSerial();
    }

    /** Ports handed out in this JVM: a server killed by an earlier test may still be dying on its port. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A port nothing listens on now and that no earlier test of this JVM was given. */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no fresh free port after 50 attempts");
    }

    public static AdbServerAddress privateServer() throws IOException {
        return AdbServerAddress.fromEnvironment().withPort(freePort()).withReadTimeout(Duration.ofSeconds(20));
    }

    /**
     * A virtual phone on the first free adbd port of the adb server's emulator scan (odd ports: the even one
     * below is the emulator console's), so that a server started after it lists it twice.
     */
    public static VirtualPhone phoneInTheEmulatorScan(Path stateDir) throws Exception {
        for (int port = EmulatorScan.FIRST_PORT + 2; port <= EmulatorScan.LAST_PORT; port += 2) {
            try {
                return VirtualPhone.start(port, stateDir, true);
            } catch (java.net.BindException taken) {
                // another phone of this computer has it
            }
        }
        throw new AssertionError("no free port in the emulator scan range");
    }

    /** A fresh adb server with one virtual phone (rooted unless said otherwise) connected and online. */
    public static AdbTestBed start(Path stateDir, boolean rooted) throws Exception {
        AdbServerClient server = new AdbServerClient(privateServer());
        server.ensureRunning();
        VirtualPhone phone = null;
        try {
            phone = VirtualPhone.start(0, stateDir, rooted);
            server.connectDevice(phone.adbSerial());
            AdbTestBed bed = new AdbTestBed(server, phone);
            bed.awaitState(phone.adbSerial(), AdbDeviceEntry.ONLINE, Duration.ofSeconds(15));
            return bed;
        } catch (Exception | Error e) {
            if (phone != null) {
                phone.close();
            }
            server.kill();
            throw e;
        }
    }

    public static AdbTestBed serverOnly() throws Exception {
        AdbServerClient server = new AdbServerClient(privateServer());
        server.ensureRunning();
        return new AdbTestBed(server, null);
    }

    /** Waits until the server lists the serial in the state (or, for state null, no longer lists it). */
    public void awaitState(String serial, String state, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "not listed";
        while (System.nanoTime() < end) {
            var entry = server.devices().stream().filter(d -> d.serial().equals(serial)).findFirst();
            last = entry.map(AdbDeviceEntry::state).orElse("not listed");
            if (state == null ? entry.isEmpty() : entry.isPresent() && entry.get().state().equals(state)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("device " + serial + " did not become " + (state == null ? "absent" : state)
                + " within " + timeout + " (last: " + last + ")");
    }

    @Override
    public void close() {
        if (phone != null) {
            phone.close();
        }
        server.kill();
    }
}
