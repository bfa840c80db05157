package org.aodnn.edgeconnector.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 text encoding of DER structures ({@code -----BEGIN PUBLIC KEY-----} and friends). */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private Pem() {
    }

    /** One PEM block with lines of 64 characters and a final newline. */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of every block labelled {@code label} in {@code text}, in order. */
    public static List<byte[]> decodeAll(String text, String label, String source) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(label)) {
                continue;
            }
            try {
                blocks.add(Base64.getMimeDecoder().decode(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw new KeyFormatException(source + ": the " + label + " block is not valid base64: " + e.getMessage());
            }
        }
        return blocks;
    }

    /** The DER bytes of the single block labelled {@code label}. */
    public static byte[] decode(String text, String label, String source) {
        List<byte[]> blocks = decodeAll(text, label, source);
        if (blocks.isEmpty()) {
            throw new KeyFormatException(source + ": no '-----BEGIN " + label + "-----' block found");
        }
        if (blocks.size() > 1) {
            throw new KeyFormatException(source + ": expected one " + label + " block, found " + blocks.size());
        }
        return blocks.get(0);
    }
}
