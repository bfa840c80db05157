package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverse forwards ({@code adb reverse}): {@code reverse:forward:tcp:A;tcp:B} makes the phone listen on its
 * port A; each connection to it becomes an OPEN of {@code tcp:B} towards the host, which connects to its own
 * port B. The virtual phone's loopback is this computer's, so A must differ from B. Also {@code tcp:PORT}
 * streams from the host ({@code adb forward}) reach ports on this loopback. Forwards end with the host
 * connection that made them, as in adbd.
 */
final class ReverseForwards {

    private static final Logger LOG = LoggerFactory.getLogger(ReverseForwards.class);
    private static final long OPEN_TIMEOUT_MS = 10_000;

    private record Forward(String local, String remote, ServerSocket listener, AdbdConnection owner) {
    }

    private final Map<Integer, Forward> forwards = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final InetAddress loopback = InetAddress.getLoopbackAddress();

    ReverseForwards(ExecutorService threads) {
        this.threads = threads;
    }

    void handle(String request, AdbdStream stream, AdbdConnection connection) {
        try {
            if (request.startsWith("forward:")) {
                String spec = request.substring("forward:".length());
                boolean norebind = spec.startsWith("norebind:");
                if (norebind) {
                    spec = spec.substring("norebind:".length());
                }
                int semi = spec.indexOf(';');
                if (semi < 0) {
                    fail(stream, "bad forward: expected LOCAL;REMOTE but got '" + spec + "'");
                    return;
                }
                String local = spec.substring(0, semi);
                String remote = spec.substring(semi + 1);
                Integer port = tcpPort(local);
                if (port == null || tcpPort(remote) == null) {
                    fail(stream, "cannot bind listener: only tcp:PORT is supported by the simulated phone: " + spec);
                    return;
                }
                if (port != 0 && forwards.containsKey(port)) {
                    if (norebind) {
                        fail(stream, "cannot rebind existing socket");
                        return;
                    }
                    remove(port);
                }
                int bound = listen(port, remote, connection);
                stream.write("OKAY".getBytes(StandardCharsets.US_ASCII));
                if (port == 0) {
                    stream.write(protocolString(String.valueOf(bound)));
                }
            } else if (request.startsWith("killforward:")) {
                Integer port = tcpPort(request.substring("killforward:".length()));
                if (port == null || !forwards.containsKey(port)) {
                    fail(stream, "listener '" + request.substring("killforward:".length()) + "' not found");
                    return;
                }
                remove(port);
                stream.write("OKAY".getBytes(StandardCharsets.US_ASCII));
            } else if (request.equals("killforward-all")) {
                forwards.keySet().forEach(this::remove);
                stream.write("OKAY".getBytes(StandardCharsets.US_ASCII));
            } else if (request.equals("list-forward")) {
                StringBuilder b = new StringBuilder();
                forwards.values().forEach(f -> b.append("host ").append(f.local()).append(' ').append(f.remote())
                        .append('\n'));
                // adbd answers list-forward with the bare list (no OKAY: the stream's OPEN was the acknowledgement).
                stream.write(protocolString(b.toString()));
            } else {
                fail(stream, "unknown reverse request " + request);
            }
        } catch (IOException e) {
            try {
                fail(stream, "cannot bind listener: " + e.getMessage());
            } catch (IOException ignored) {
                // the host is gone
            }
        }
    }

    private static Integer tcpPort(String spec) {
        if (!spec.startsWith("tcp:")) {
            return null;
        }
        try {
            int p = Integer.parseInt(spec.substring(4));
            return p >= 0 && p < 65536 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] protocolString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[4 + b.length];
        System.arraycopy(String.format("%04x", b.length).getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        System.arraycopy(b, 0, out, 4, b.length);
        return out;
    }

    private static void fail(AdbdStream stream, String message) throws IOException {
        byte[] m = protocolString(message);
        byte[] out = new byte[4 + m.length];
        System.arraycopy("FAIL".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        System.arraycopy(m, 0, out, 4, m.length);
        stream.write(out);
    }

    private int listen(int port, String remote, AdbdConnection owner) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(loopback, port));
        int bound = server.getLocalPort();
        forwards.put(bound, new Forward("tcp:" + bound, remote, server, owner));
        threads.submit(() -> accept(server, remote, owner));
        LOG.info("reverse tcp:{} -> host {}", bound, remote);
        return bound;
    }

    private void accept(ServerSocket server, String remote, AdbdConnection owner) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.submit(() -> bridgeToHost(s, remote, owner));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bridgeToHost(Socket socket, String remote, AdbdConnection owner) {
        try (socket) {
            if (!owner.isOnline()) {
                return;
            }
            AdbdStream stream = owner.openToHost(remote, OPEN_TIMEOUT_MS);
            pump(socket, stream);
        } catch (IOException e) {
            LOG.debug("reverse connection to {} ended: {}", remote, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code tcp:PORT} opened by the host: a connection to this (shared) loopback's port. */
    void forwardToLocalPort(String destination, AdbdStream stream) {
        Integer port = tcpPort(destination);
        if (port == null) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback, port), 5_000);
            pump(socket, stream);
        } catch (IOException e) {
            LOG.debug("forward to {} failed: {}", destination, e.getMessage());
        }
    }

    /** Copies both directions until either side closes; then closes both. */
    private void pump(Socket socket, AdbdStream stream) throws IOException {
        InputStream fromSocket = socket.getInputStream();
        OutputStream toSocket = socket.getOutputStream();
        var upstream = threads.submit(() -> {
            byte[] buf = new byte[64 * 1024];
            try {
                int n;
                while ((n = fromSocket.read(buf)) > 0) {
                    stream.write(java.util.Arrays.copyOf(buf, n));
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                stream.close();
            }
        });
        try {
            InputStream fromHost = stream.input();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = fromHost.read(buf)) > 0) {
                toSocket.write(buf, 0, n);
                toSocket.flush();
            }
            socket.close();
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                upstream.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                upstream.cancel(true);
            }
            stream.close();
        }
    }

    private void remove(int port) {
        Forward f = forwards.remove(port);
        if (f != null) {
            try {
                f.listener().close();
            } catch (IOException e) {
                LOG.debug("close listener {}: {}", port, e.getMessage());
            }
        }
    }

    /** Forwards die with the host connection that set them up. */
    void connectionClosed(AdbdConnection c) {
        forwards.entrySet().stream().filter(e -> e.getValue().owner() == c).map(Map.Entry::getKey).toList()
                .forEach(this::remove);
    }

    void closeAll() {
        forwards.keySet().forEach(this::remove);
    }
}
