package org.aodnn.profilinglab.virtualphone;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code sync:} file service (AOSP {@code SYNC.TXT}). Requests are [id: 4 ASCII][length: 4 LE][data]:
 * {@code STAT path} → {@code STAT} mode size mtime; {@code LIST dir} → {@code DENT} entries then {@code DONE};
 * {@code SEND "path,mode"} followed by {@code DATA} chunks (≤ 64 KiB) and {@code DONE mtime} → {@code OKAY} or
 * {@code FAIL msg}; {@code RECV path} → {@code DATA} chunks then {@code DONE}; {@code QUIT} ends the service.
 */
final class SyncService {

    static final int MAX_DATA = 64 * 1024;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    private final VirtualFileSystem fs;
    private final AdbdStream stream;

    SyncService(VirtualFileSystem fs, AdbdStream stream) {
        this.fs = fs;
        this.stream = stream;
    }

    void run() {
        DataInputStream in = new DataInputStream(stream.input());
        try {
            while (true) {
                String id = readId(in);
                int len = readLe(in);
                if (id.equals("QUIT")) {
                    return;
                }
                if (len < 0 || len > 1024) {
                    fail("sync request " + id + " with a path of " + len + " bytes");
                    return;
                }
                byte[] arg = new byte[len];
                in.readFully(arg);
                String path = new String(arg, StandardCharsets.UTF_8);
                switch (id) {
                    case "STAT" -> stat(path);
                    case "LIST" -> list(path);
                    case "SEND" -> {
                        if (!send(in, path)) {
                            return;
                        }
                    }
                    case "RECV" -> recv(path);
                    default -> {
                        fail("unknown sync request " + id);
                        return;
                    }
                }
            }
        } catch (EOFException e) {
            // the host closed the stream
        } catch (IOException e) {
            // the host went away
        }
    }

    private void stat(String path) throws IOException {
        int mode = 0;
        int size = 0;
        if (fs.exists(path)) {
            mode = fs.isDirectory(path) ? S_IFDIR | 0755 : S_IFREG | 0644;
            size = (int) fs.size(path);
        }
        write("STAT", mode, size, (int) (System.currentTimeMillis() / 1000));
    }

    private void list(String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (fs.isDirectory(path)) {
            for (String name : fs.list(path)) {
                String child = path.endsWith("/") ? path + name : path + "/" + name;
                byte[] n = name.getBytes(StandardCharsets.UTF_8);
                boolean dir = fs.isDirectory(child);
                out.writeBytes(header("DENT", dir ? S_IFDIR | 0755 : S_IFREG | 0644, (int) fs.size(child),
                        (int) (System.currentTimeMillis() / 1000), n.length));
                out.writeBytes(n);
            }
        }
        out.writeBytes(header("DONE", 0, 0, 0, 0));
        stream.write(out.toByteArray());
    }

    /** Receives a pushed file; false when the service must stop (protocol error). */
    private boolean send(DataInputStream in, String spec) throws IOException {
        int comma = spec.lastIndexOf(',');
        String path = comma < 0 ? spec : spec.substring(0, comma);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            String id = readId(in);
            int n = readLe(in);
            if (id.equals("DONE")) {
                break; // n is the file's mtime
            }
            if (!id.equals("DATA") || n < 0 || n > MAX_DATA) {
                fail("bad sync packet " + id + " of " + n + " bytes while receiving " + path);
                return false;
            }
            byte[] chunk = new byte[n];
            in.readFully(chunk);
            data.writeBytes(chunk);
        }
        try {
            fs.makeParents(path);
            fs.write(path, data.toByteArray(), false, false);
        } catch (FsException e) {
            fail("couldn't create file: " + e.getMessage());
            return true;
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return true;
        }
        write("OKAY", 0);
        return true;
    }

    private void recv(String path) throws IOException {
        byte[] content;
        try {
            content = fs.read(path, false);
        } catch (FsException e) {
            fail(e.getMessage());
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < content.length; off += MAX_DATA) {
            int n = Math.min(MAX_DATA, content.length - off);
            out.writeBytes(header("DATA", n));
            out.write(content, off, n);
        }
        out.writeBytes(header("DONE", 0));
        stream.write(out.toByteArray());
    }

    private void fail(String message) throws IOException {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header("FAIL", m.length));
        out.writeBytes(m);
        stream.write(out.toByteArray());
    }

    private void write(String id, int... values) throws IOException {
        stream.write(header(id, values));
    }

    private static byte[] header(String id, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.US_ASCII));
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static String readId(DataInputStream in) throws IOException {
        byte[] id = new byte[4];
        in.readFully(id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static int readLe(DataInputStream in) throws IOException {
        byte[] b = new byte[4];
        in.readFully(b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
