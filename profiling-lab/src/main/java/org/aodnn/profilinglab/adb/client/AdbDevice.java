package org.aodnn.profilinglab.adb.client;

import dadb.AdbShellPacket;
import dadb.AdbShellResponse;
import dadb.AdbShellStream;
import dadb.Dadb;
import dadb.adbserver.AdbServer;
import java.io.File;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.aodnn.profilinglab.adb.shell.DeviceCommandException;
import org.aodnn.profilinglab.adb.shell.DeviceShell;
import org.aodnn.profilinglab.adb.shell.ShellResult;

/**
 * One online device reached through the adb server with dadb (connect and read timeouts on every socket).
 * Each call opens its own stream, so calls from several threads do not interfere. Only devices in state
 * {@code device} should be opened (see {@link AdbServerClient#devices()}).
 */
public final class AdbDevice implements DeviceShell, AutoCloseable {

    private final AdbServerClient server;
    private final String serial;
    private final Dadb dadb;

    private AdbDevice(AdbServerClient server, String serial, Dadb dadb) {
        this.server = server;
        this.serial = serial;
        this.dadb = dadb;
    }

    /** Opens the device; fails clearly when the server does not list it as online. */
    public static AdbDevice open(AdbServerClient server, String serial) {
        try {
            AdbDeviceEntry entry = server.devices().stream().filter(d -> d.serial().equals(serial)).findFirst()
                    .orElseThrow(() -> new AdbException("no device " + serial + " at adb server " + server.address()
                            + " (run 'aodnn devices' to see the attached ones)"));
            if (!entry.usable()) {
                throw new AdbException("device " + serial + " is " + entry.state() + ", not online"
                        + (entry.state().equals("unauthorized") ? ": accept the USB debugging prompt on the phone" : ""));
            }
            AdbServerAddress a = server.address();
            Dadb d = AdbServer.createDadb(a.host(), a.port(), "host:transport:" + serial,
                    (int) a.connectTimeout().toMillis(), (int) a.readTimeout().toMillis());
            return new AdbDevice(server, serial, d);
        } catch (IOException e) {
            throw new AdbException("cannot reach the adb server at " + server.address() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof AdbException) {
                throw e;
            }
            throw new AdbException("cannot open device " + serial + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String serial() {
        return serial;
    }

    public AdbServerClient server() {
        return server;
    }

    @Override
    public ShellResult run(String command) {
        try {
            AdbShellResponse r = dadb.shell(command);
            return new ShellResult(r.getOutput(), r.getErrorOutput(), r.getExitCode());
        } catch (SocketTimeoutException e) {
            throw new DeviceCommandException("device " + serial + " did not answer '" + abbreviate(command)
                    + "' within " + server.address().readTimeout().toSeconds() + " s", e);
        } catch (IOException | RuntimeException e) {
            throw new DeviceCommandException("device " + serial + " failed to run '" + abbreviate(command) + "': "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** A long-running command whose output is read as it comes (shell protocol v2 packets). */
    public ShellLines stream(String command) {
        try {
            return new ShellLines(dadb.openShell(command));
        } catch (IOException | RuntimeException e) {
            throw new DeviceCommandException("device " + serial + " cannot start '" + abbreviate(command) + "': "
                    + e.getMessage(), e);
        }
    }

    public void push(File local, String remotePath) {
        try {
            dadb.push(local, remotePath, 0644, System.currentTimeMillis());
        } catch (IOException | RuntimeException e) {
            throw new DeviceCommandException("cannot push " + local + " to " + serial + ":" + remotePath + ": "
                    + e.getMessage(), e);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    @Override
    public void close() {
        try {
            dadb.close();
        } catch (Exception e) {
            // nothing held open between calls
        }
    }

    /** Lines of stdout from a streaming shell; {@code null} at the end. */
    public static final class ShellLines implements AutoCloseable {
        private final AdbShellStream stream;
        private final StringBuilder pending = new StringBuilder();
        private Integer exitCode;

        ShellLines(AdbShellStream stream) {
            this.stream = stream;
        }

        public String readLine() throws IOException {
            while (true) {
                int nl = pending.indexOf("\n");
                if (nl >= 0) {
                    String line = pending.substring(0, nl);
                    pending.delete(0, nl + 1);
                    return line;
                }
                if (exitCode != null) {
                    if (pending.length() > 0) {
                        String rest = pending.toString();
                        pending.setLength(0);
                        return rest;
                    }
                    return null;
                }
                AdbShellPacket p = stream.read();
                if (p instanceof AdbShellPacket.StdOut) {
                    pending.append(new String(p.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                } else if (p instanceof AdbShellPacket.Exit) {
                    exitCode = p.getPayload().length > 0 ? p.getPayload()[0] & 0xff : 0;
                }
            }
        }

        public Integer exitCode() {
            return exitCode;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
