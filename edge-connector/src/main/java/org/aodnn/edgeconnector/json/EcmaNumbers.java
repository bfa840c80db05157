package org.aodnn.edgeconnector.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript's Number::toString for IEEE 754 doubles (ECMA-262, section 7.1.12.1 of the 2019 edition),
 * the number format RFC 8785 requires. The JDK 17 {@code Double.toString} is not always the shortest
 * round-tripping decimal, so the digits are found here: the fewest significant digits that parse back to
 * the same double, and among those the decimal closest to the double's exact value.
 */
public final class EcmaNumbers {

    private EcmaNumbers() {
    }

    /** The ECMAScript string of {@code value}; NaN and the infinities have no JSON form and are rejected. */
    public static String toString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        if (value == 0) {
            return "0"; // both +0 and -0
        }
        StringBuilder out = new StringBuilder(26);
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        long[] fast = fastShortest(value);
        String digits;
        int n;
        if (fast != null) {
            digits = Long.toString(fast[0]);
            n = digits.length() + (int) fast[1];
        } else {
            BigDecimal shortest = shortestDecimal(value);
            digits = shortest.unscaledValue().toString();
            n = digits.length() - shortest.scale(); // value = 0.d1d2..dk x 10^n
        }
        int k = digits.length();
        while (k > 1 && digits.charAt(k - 1) == '0') {
            k--;
        }
        digits = digits.substring(0, k);
        format(out, digits, k, n);
        return out.toString();
    }

    private static void format(StringBuilder out, String digits, int k, int n) {
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
    }

    /**
     * The common case without big-number arithmetic: JDK 17's {@code Double.toString} gives D·10^e with d
     * digits that read back. It is the answer when no (d−1)-digit decimal reads back (only the four around
     * D/10 can, given the ulp check) and neither neighbour D±1 does (reading back is an interval, so any other
     * d-digit decimal that did would make a neighbour do so too); when a neighbour reads back, the closest of
     * the three to the exact value wins. Returns {digits, e}, or null to take the exact path.
     */
    private static long[] fastShortest(double value) {
        String text = Double.toString(value);
        int ePos = text.indexOf('E');
        String mantissa = ePos < 0 ? text : text.substring(0, ePos);
        int exponent = ePos < 0 ? 0 : Integer.parseInt(text.substring(ePos + 1));
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int fractionDigits = mantissa.length() - dot - 1;
        int start = 0;
        while (start < all.length() - 1 && all.charAt(start) == '0') {
            start++;
        }
        int end = all.length();
        int e = exponent - fractionDigits;
        while (end > start + 1 && all.charAt(end - 1) == '0') {
            end--;
            e++;
        }
        if (end - start > 17) {
            return null;
        }
        long d = Long.parseLong(all, start, end, 10);
        if (d <= 0 || Math.ulp(value) >= 0.25 * Math.pow(10, e + 1)) {
            return null;
        }
        long shorter = d / 10;
        if (shorter > 0) {
            for (long c = Math.max(1, shorter - 1); c <= shorter + 2; c++) {
                if (readsBack(c, e + 1, value)) {
                    return null; // Double.toString was not the shortest (JDK-4511638): exact path
                }
            }
        }
        boolean below = d > 1 && readsBack(d - 1, e, value);
        boolean above = readsBack(d + 1, e, value);
        if (!below && !above) {
            return new long[] {d, e};
        }
        BigDecimal exact = new BigDecimal(value);
        long best = d;
        BigDecimal bestDistance = distance(d, e, exact);
        for (long c : new long[] {d - 1, d + 1}) {
            if ((c == d - 1 && !below) || (c == d + 1 && !above)) {
                continue;
            }
            int cmp = distance(c, e, exact).compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && c % 2 == 0)) {
                best = c;
                bestDistance = distance(c, e, exact);
            }
        }
        return new long[] {best, e};
    }

    private static boolean readsBack(long digits, int e, double value) {
        return Double.parseDouble(digits + "E" + e) == value;
    }

    private static BigDecimal distance(long digits, int e, BigDecimal exact) {
        return BigDecimal.valueOf(digits, -e).subtract(exact).abs();
    }

    /**
     * The shortest decimal that reads back as {@code value} (positive, finite), the closest one when several
     * of that length do. JDK 17's {@code Double.toString} always reads back but is sometimes a digit longer
     * than needed (JDK-4511638), so its length is only the starting point: shorter precisions are tried while
     * one reads back (if p digits can, so can p + 1), and at the final precision the candidates are the value
     * rounded half-even, down and up (at the edges of a binade the rounding interval is lopsided, so the
     * nearest candidate alone is not enough).
     */
    static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        int precision = significantDigits(Double.toString(value));
        BigDecimal best = closestReadingBack(exact, value, precision);
        while (precision > 1) {
            BigDecimal shorter = closestReadingBack(exact, value, precision - 1);
            if (shorter == null) {
                break;
            }
            best = shorter;
            precision--;
        }
        if (best == null) { // cannot happen: Double.toString's own digits read back
            throw new IllegalStateException("no " + precision + "-digit decimal reads back as " + value);
        }
        return best;
    }

    private static BigDecimal closestReadingBack(BigDecimal exact, double value, int precision) {
        BigDecimal best = null;
        for (RoundingMode mode : MODES) {
            BigDecimal candidate = exact.round(new MathContext(precision, mode));
            if (Double.parseDouble(candidate.toString()) != value) {
                continue;
            }
            if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    private static final RoundingMode[] MODES = {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP};

    /** Significant digits of a {@code Double.toString} result such as {@code 1.2345E-7} or {@code 120.0}. */
    static int significantDigits(String javaText) {
        int e = javaText.indexOf('E');
        String mantissa = e < 0 ? javaText : javaText.substring(0, e);
        String digits = mantissa.replace(".", "").replace("-", "");
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        int end = digits.length();
        while (end > start + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return Math.min(17, end - start);
    }
}
