package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One ADB stream (a "socket" in protocol.txt) between the host and a service on this device. Writes follow the
 * protocol's flow control: after a WRTE the next one waits for the peer's OKAY. Data the host writes is queued
 * for the service's {@link #input()}; a CLSE from the host ends that input.
 */
public final class AdbdStream implements AutoCloseable {

    private static final byte[] EOF = new byte[0];
    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final AdbdConnection connection;
    private final int localId;
    private volatile int remoteId;
    private final LinkedBlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
    private final Semaphore writeWindow = new Semaphore(1);
    private final Semaphore opened = new Semaphore(0);
    private volatile boolean closed;
    private volatile boolean openRefused;

    AdbdStream(AdbdConnection connection, int localId, int remoteId) {
        this.connection = connection;
        this.localId = localId;
        this.remoteId = remoteId;
    }

    int localId() {
        return localId;
    }

    int remoteId() {
        return remoteId;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- called by the connection's reader thread ----

    void onData(byte[] data) {
        incoming.add(data);
    }

    void onOkay(int peerId) {
        if (remoteId == 0) {
            remoteId = peerId; // the answer to an OPEN this device sent
            opened.release();
        } else {
            writeWindow.release();
        }
    }

    void onClose() {
        if (remoteId == 0) {
            openRefused = true;
            opened.release();
        }
        closed = true;
        incoming.add(EOF);
        writeWindow.release(1000);
    }

    /** Waits for the host to accept an OPEN this device sent; false when it refused or did not answer. */
    boolean awaitOpened(long timeoutMs) throws InterruptedException {
        return opened.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS) && !openRefused && !closed;
    }

    // ---- used by services ----

    /** Bytes written by the host, ending when the host closes the stream. */
    public InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (pos >= current.length) {
                    if (current == EOF) {
                        return -1;
                    }
                    try {
                        current = incoming.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading from the host");
                    }
                    pos = 0;
                    if (current == EOF) {
                        incoming.add(EOF);
                        return -1;
                    }
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Sends the bytes to the host in packets no larger than the negotiated maximum, honouring flow control. */
    public void write(byte[] data) throws IOException {
        int max = Math.min(connection.maxPayload(), 256 * 1024);
        for (int off = 0; off < data.length; off += max) {
            int n = Math.min(max, data.length - off);
            try {
                if (!writeWindow.tryAcquire(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("the host did not acknowledge a write within " + ACK_TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the host");
            }
            if (closed) {
                throw new IOException("stream closed by the host");
            }
            byte[] chunk = new byte[n];
            System.arraycopy(data, off, chunk, 0, n);
            connection.send(new AdbPacket(AdbPacket.A_WRTE, localId, remoteId, chunk));
        }
    }

    /** Closes the stream: tells the host (CLSE) unless it closed it first. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            incoming.add(EOF);
            connection.closeStream(this, true);
        } else {
            connection.closeStream(this, false);
        }
    }
}
