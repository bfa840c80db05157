package org.aodnn.profilinglab.virtualphone;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host (adb server) connected to the virtual phone over TCP, as after {@code adb connect}. The host sends
 * CNXN; this device answers CNXN at once with its banner (a device with {@code ro.adb.secure=0} skips AUTH),
 * then the host OPENs streams for services and the device may OPEN streams back for reverse forwards.
 */
final class AdbdConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdbdConnection.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ServiceRouter router;
    private final String banner;
    private final Map<Integer, AdbdStream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile int maxPayload = 4096;
    private volatile int version = AdbPacket.A_VERSION_MIN;
    private volatile boolean online;
    private volatile boolean closed;

    AdbdConnection(Socket socket, ServiceRouter router, String banner) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.router = router;
        this.banner = banner;
    }

    int maxPayload() {
        return maxPayload;
    }

    boolean isOnline() {
        return online && !closed;
    }

    /** Reads packets until the host disconnects; runs on the connection's own thread. */
    void serve() {
        try {
            while (!closed) {
                AdbPacket p = AdbPacket.readFrom(in, version < AdbPacket.A_VERSION_SKIP_CHECKSUM && online);
                if (p == null) {
                    break;
                }
                handle(p);
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("host connection ended: {}", e.getMessage());
            }
        } finally {
            close();
        }
    }

    private void handle(AdbPacket p) throws IOException {
        switch (p.command()) {
            case AdbPacket.A_CNXN -> {
                version = Math.min(p.arg0(), AdbPacket.A_VERSION);
                maxPayload = Math.min(p.arg1(), AdbPacket.MAX_PAYLOAD);
                // A host reconnecting on the same socket resets every stream.
                streams.values().forEach(AdbdStream::onClose);
                streams.clear();
                send(new AdbPacket(AdbPacket.A_CNXN, AdbPacket.A_VERSION, AdbPacket.MAX_PAYLOAD,
                        AdbPacket.cString(banner)));
                online = true;
            }
            case AdbPacket.A_OPEN -> {
                if (!online) {
                    return;
                }
                int local = nextId.getAndIncrement();
                AdbdStream s = new AdbdStream(this, local, p.arg0());
                streams.put(local, s);
                router.open(p.payloadString(), s);
            }
            case AdbPacket.A_OKAY -> {
                AdbdStream s = streams.get(p.arg1());
                if (s != null) {
                    s.onOkay(p.arg0());
                }
            }
            case AdbPacket.A_WRTE -> {
                AdbdStream s = streams.get(p.arg1());
                if (s != null && !s.isClosed()) {
                    s.onData(p.payload());
                    send(AdbPacket.of(AdbPacket.A_OKAY, s.localId(), p.arg0()));
                } else {
                    // protocol.txt: a WRTE for an unknown stream is answered with CLSE.
                    send(AdbPacket.of(AdbPacket.A_CLSE, 0, p.arg0()));
                }
            }
            case AdbPacket.A_CLSE -> {
                AdbdStream s = streams.remove(p.arg1());
                if (s != null) {
                    s.onClose();
                }
            }
            case AdbPacket.A_AUTH, AdbPacket.A_SYNC, AdbPacket.A_STLS -> {
                // Never requested by this device (it does not ask for AUTH or TLS): ignore, as adbd does.
            }
            default -> throw new IOException("unknown ADB command " + AdbPacket.name(p.command()));
        }
    }

    /** Replies OKAY to the host's OPEN: the service accepted the stream. */
    void accept(AdbdStream s) throws IOException {
        send(AdbPacket.of(AdbPacket.A_OKAY, s.localId(), s.remoteId()));
    }

    /** Refuses the host's OPEN (unknown service): CLSE with local id 0. */
    void refuse(AdbdStream s) throws IOException {
        streams.remove(s.localId());
        s.onClose();
        send(AdbPacket.of(AdbPacket.A_CLSE, 0, s.remoteId()));
    }

    /** Opens a stream to a host-side destination (for reverse forwards: {@code tcp:PORT}). */
    AdbdStream openToHost(String destination, long timeoutMs) throws IOException, InterruptedException {
        int local = nextId.getAndIncrement();
        AdbdStream s = new AdbdStream(this, local, 0);
        streams.put(local, s);
        send(new AdbPacket(AdbPacket.A_OPEN, local, 0, AdbPacket.cString(destination)));
        if (!s.awaitOpened(timeoutMs)) {
            streams.remove(local);
            throw new IOException("the host refused or did not answer OPEN " + destination);
        }
        return s;
    }

    void closeStream(AdbdStream s, boolean tellHost) {
        if (streams.remove(s.localId()) != null && tellHost && !closed) {
            try {
                send(AdbPacket.of(AdbPacket.A_CLSE, s.localId(), s.remoteId()));
            } catch (IOException e) {
                LOG.debug("cannot send CLSE: {}", e.getMessage());
            }
        }
    }

    void send(AdbPacket p) throws IOException {
        synchronized (out) {
            if (closed) {
                throw new IOException("connection to the host is closed");
            }
            p.writeTo(out);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.values().forEach(AdbdStream::onClose);
        streams.clear();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }
}
