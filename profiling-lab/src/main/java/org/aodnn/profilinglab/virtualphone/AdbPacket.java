package org.aodnn.profilinglab.virtualphone;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One message of the ADB transport protocol (AOSP {@code protocol.txt}): a 24-byte little-endian header
 * (command, arg0, arg1, payload length, payload checksum, command ^ 0xffffffff) and the payload.
 * Since protocol version 0x01000001 the receiver no longer checks the checksum; it is still computed on
 * sending so that older hosts accept the packets too.
 */
public record AdbPacket(int command, int arg0, int arg1, byte[] payload) {

    public static final int A_SYNC = 0x434e5953;
    public static final int A_CNXN = 0x4e584e43;
    public static final int A_OPEN = 0x4e45504f;
    public static final int A_OKAY = 0x59414b4f;
    public static final int A_CLSE = 0x45534c43;
    public static final int A_WRTE = 0x45545257;
    public static final int A_AUTH = 0x48545541;
    public static final int A_STLS = 0x534c5453;

    public static final int A_VERSION_MIN = 0x01000000;
    public static final int A_VERSION_SKIP_CHECKSUM = 0x01000001;
    public static final int A_VERSION = 0x01000001;
    /** The largest payload this device accepts (adbd has used 1 MiB since Android 9). */
    public static final int MAX_PAYLOAD = 1024 * 1024;

    private static final int HEADER = 24;

    public static AdbPacket of(int command, int arg0, int arg1) {
        return new AdbPacket(command, arg0, arg1, new byte[0]);
    }

    /** A payload of a string with its terminating NUL, as OPEN destinations and CNXN banners are sent. */
    public static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    /** The payload as text without a trailing NUL. */
    public String payloadString() {
        int n = payload.length;
        while (n > 0 && payload[n - 1] == 0) {
            n--;
        }
        return new String(payload, 0, n, StandardCharsets.UTF_8);
    }

    public static int checksum(byte[] data) {
        int sum = 0;
        for (byte b : data) {
            sum += b & 0xff;
        }
        return sum;
    }

    public void writeTo(OutputStream out) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(command).putInt(arg0).putInt(arg1).putInt(payload.length).putInt(checksum(payload)).putInt(~command);
        byte[] all = new byte[HEADER + payload.length];
        System.arraycopy(h.array(), 0, all, 0, HEADER);
        System.arraycopy(payload, 0, all, HEADER, payload.length);
        out.write(all);
        out.flush();
    }

    /**
     * Reads one packet. A bad magic, an oversized payload or (before version 0x01000001) a wrong checksum is a
     * protocol error: the caller must drop the connection, as adbd does.
     */
    public static AdbPacket readFrom(InputStream in, boolean verifyChecksum) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[HEADER];
        try {
            d.readFully(header);
        } catch (EOFException e) {
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int command = h.getInt();
        int arg0 = h.getInt();
        int arg1 = h.getInt();
        int length = h.getInt();
        int check = h.getInt();
        int magic = h.getInt();
        if (magic != ~command) {
            throw new IOException(String.format("bad ADB packet: magic %08x does not match command %08x", magic, command));
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("bad ADB packet: payload length " + Integer.toUnsignedString(length) + " exceeds "
                    + MAX_PAYLOAD);
        }
        byte[] payload = new byte[length];
        d.readFully(payload);
        if (verifyChecksum && checksum(payload) != check) {
            throw new IOException(String.format("bad ADB packet: checksum %08x, expected %08x", check, checksum(payload)));
        }
        return new AdbPacket(command, arg0, arg1, payload);
    }

    public static String name(int command) {
        byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(command).array();
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return name(command) + "(" + Integer.toHexString(arg0) + ", " + Integer.toHexString(arg1) + ", "
                + payload.length + " bytes)";
    }
}
