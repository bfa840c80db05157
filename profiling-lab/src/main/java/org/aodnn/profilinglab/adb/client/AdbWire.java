package org.aodnn.profilinglab.adb.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The smart-socket protocol between an adb client and the adb server (AOSP {@code OVERVIEW.TXT}): a request
 * is 4 hex digits of length then the service name; the reply is {@code OKAY} or {@code FAIL} + a
 * length-prefixed message; many replies then carry a length-prefixed string.
 */
final class AdbWire {

    private AdbWire() {
    }

    static void send(OutputStream out, String request) throws IOException {
        byte[] b = request.getBytes(StandardCharsets.UTF_8);
        out.write(String.format("%04x", b.length).getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** Reads OKAY, or throws with the server's FAIL message. */
    static void readStatus(InputStream in, String what) throws IOException {
        String status = readFixed(in, 4);
        if (status.equals("OKAY")) {
            return;
        }
        if (status.equals("FAIL")) {
            throw new AdbException(what + ": " + readString(in));
        }
        throw new AdbException(what + ": unexpected reply '" + status + "' (is this an adb server?)");
    }

    static String readString(InputStream in) throws IOException {
        String hex = readFixed(in, 4);
        int len;
        try {
            len = Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new AdbException("adb server sent a bad length '" + hex + "'");
        }
        return readFixed(in, len);
    }

    static String readFixed(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        new DataInputStream(in).readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
