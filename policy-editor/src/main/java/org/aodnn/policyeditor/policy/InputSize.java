package org.aodnn.policyeditor.policy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy's input upload size D_0 as the operator writes it: empty for the model's own (4 bytes per input
 * element), or a byte count with an optional unit: {@code 150528}, {@code 150 kB}, {@code 1.5 MB},
 * {@code 147 KiB}. Decimal units (kB, MB, GB = 10^3, 10^6, 10^9) are the ones link speeds use; the binary
 * ones (KiB, MiB, GiB) are accepted as well. A fraction of a byte is rounded to the nearest byte.
 */
public final class InputSize {

    /** A terabyte: far beyond any single inference input, and small enough that every sum stays finite. */
    public static final long MAX_BYTES = 1_000_000_000_000L;

    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)");
    /** Byte units as written (a lower-case b is bits, as in Mb/s: refused rather than read 8x too large). */
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "B", 1L, "kB", 1_000L, "KB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L,
            "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);

    private InputSize() {
    }

    /**
     * The bytes the text names, or null for blank text (the model's own size). A bad entry is an
     * {@link IllegalArgumentException} that quotes the text and says what is accepted.
     */
    public static Long parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = SIZE.matcher(t);
        if (m.matches() && m.group(2).endsWith("b")) {
            throw new IllegalArgumentException("Input size: '" + t + "': b is bits; write B for bytes (kB, MB, …)");
        }
        Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("Input size: '" + t + "' is not a size (bytes, or a number with"
                    + " kB, MB, GB, KiB, MiB or GiB; empty for the model's own)");
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new IllegalArgumentException("Input size: '" + t + "' must be from 1 byte to 1 TB");
        }
        return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** Bytes with a readable unit for labels: "602,112 B (602.1 kB)". */
    public static String describe(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d B", bytes);
        if (bytes < 1_000) {
            return exact;
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int u = -1;
        while (value >= 1_000 && u < units.length - 1) {
            value /= 1_000;
            u++;
        }
        return exact + String.format(Locale.ROOT, " (%.1f %s)", value, units[u]);
    }
}
