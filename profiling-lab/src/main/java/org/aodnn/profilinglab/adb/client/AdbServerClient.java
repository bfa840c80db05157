package org.aodnn.profilinglab.adb.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Talks to the real adb server over its smart-socket protocol with timeouts on every socket. Lists devices
 * itself with {@code host:devices-l} (dadb's listing opens every device, so one unauthorized or offline
 * phone would fail the whole list), starts the server with {@code adb -P PORT start-server} when nothing
 * listens, connects network devices, and sets up reverse forwards (dadb has no API for them) through the
 * device's {@code reverse:forward:tcp:A;tcp:B} service.
 */
public final class AdbServerClient {

    private static final long START_TIMEOUT_SECONDS = 30;

    private final AdbServerAddress address;

    public AdbServerClient(AdbServerAddress address) {
        this.address = address;
    }

    public AdbServerAddress address() {
        return address;
    }

    Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(address.host(), address.port()), (int) address.connectTimeout().toMillis());
            s.setSoTimeout((int) address.readTimeout().toMillis());
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** True when an adb server answers {@code host:version}. */
    public boolean isRunning() {
        try {
            version();
            return true;
        } catch (AdbException | IOException e) {
            return false;
        }
    }

    /** The server's internal protocol version (41 for platform-tools 29+). */
    public int version() throws IOException {
        return Integer.parseInt(query("host:version"), 16);
    }

    /** Starts the server when none answers; only possible on this computer. */
    public void ensureRunning() {
        if (isRunning()) {
            return;
        }
        if (!address.isLoopback()) {
            throw new AdbException("no adb server answers at " + address + " and a server on another host cannot be"
                    + " started from here");
        }
        ProcessBuilder pb = new ProcessBuilder(address.adbExecutable(), "-P", String.valueOf(address.port()),
                "start-server").redirectErrorStream(true);
        try {
            Process p = pb.start();
            // Reading the output ends when the launcher exits; the forked server keeps running.
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AdbException("'adb start-server' on port " + address.port() + " did not finish within "
                        + START_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new AdbException("'adb -P " + address.port() + " start-server' failed (exit " + p.exitValue()
                        + "): " + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new AdbException("cannot run '" + address.adbExecutable() + "' to start the adb server: "
                    + e.getMessage() + " (install the Debian package 'adb')", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdbException("interrupted while starting the adb server");
        }
        if (!isRunning()) {
            throw new AdbException("the adb server was started but does not answer at " + address);
        }
    }

    /** Every device the server knows, in whatever state; never opens a device. */
    public List<AdbDeviceEntry> devices() throws IOException {
        return AdbDeviceEntry.parseDevicesLong(query("host:devices-l"));
    }

    /** {@code adb connect HOST:PORT}: returns the server's message; fails when it could not connect. */
    public String connectDevice(String hostPort) throws IOException {
        String reply = query("host:connect:" + hostPort);
        if (!reply.startsWith("connected to") && !reply.startsWith("already connected")) {
            throw new AdbException("adb server could not connect " + hostPort + ": " + reply);
        }
        return reply;
    }

    public String disconnectDevice(String hostPort) throws IOException {
        return query("host:disconnect:" + hostPort);
    }

    /**
     * Stops the server ({@code adb kill-server}) and waits (up to 5 s) until it no longer answers: the server
     * acknowledges the kill before it exits, and a server started on the same port in that moment would find
     * the dying one, take it for running, and lose it a moment later.
     */
    public void kill() {
        try (Socket s = connect()) {
            AdbWire.send(s.getOutputStream(), "host:kill");
            AdbWire.readStatus(s.getInputStream(), "host:kill");
        } catch (IOException | AdbException e) {
            return; // already gone
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end && answers()) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether anything accepts a connection on the server's port (without speaking to it). */
    private boolean answers() {
        try (Socket s = connect()) {
            return true;
        } catch (IOException | AdbException e) {
            return false;
        }
    }

    /** A host service whose reply is OKAY + one length-prefixed string. */
    String query(String service) throws IOException {
        try (Socket s = connect()) {
            AdbWire.send(s.getOutputStream(), service);
            AdbWire.readStatus(s.getInputStream(), service + " at adb server " + address);
            return AdbWire.readString(s.getInputStream());
        }
    }

    /**
     * Opens a device service through the server ({@code host:transport:SERIAL}, then the service) and returns
     * the socket positioned after the server's OKAY: the bytes that follow come from the device.
     */
    public Socket openDeviceService(String serial, String service) throws IOException {
        Socket s = connect();
        try {
            AdbWire.send(s.getOutputStream(), "host:transport:" + serial);
            AdbWire.readStatus(s.getInputStream(), "device " + serial);
            AdbWire.send(s.getOutputStream(), service);
            AdbWire.readStatus(s.getInputStream(), "device " + serial + " service " + service);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * {@code adb reverse tcp:DEVICE_PORT tcp:HOST_PORT}: connections the phone makes to its port reach this
     * computer's port. On the virtual phone both share this loopback, so the two ports must differ.
     */
    public void reverse(String serial, int devicePort, int hostPort) throws IOException {
        deviceRequest(serial, "reverse:forward:tcp:" + devicePort + ";tcp:" + hostPort);
    }

    public void removeReverse(String serial, int devicePort) throws IOException {
        deviceRequest(serial, "reverse:killforward:tcp:" + devicePort);
    }

    private void deviceRequest(String serial, String service) throws IOException {
        try (Socket s = openDeviceService(serial, service)) {
            AdbWire.readStatus(s.getInputStream(), "device " + serial + " " + service);
        }
    }
}
