package org.aodnn.modelfitting.ui;

import java.util.Locale;
import javafx.util.StringConverter;

/**
 * Tick labels of an axis that carries log10 values: whole exponents as powers of ten (10³), others as the
 * plain value they stand for, so a NumberAxis over log10 data reads as a logarithmic axis.
 */
public final class PowerOfTenLabels extends StringConverter<Number> {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    @Override
    public String toString(Number log10) {
        if (log10 == null) {
            return "";
        }
        double v = log10.doubleValue();
        long whole = Math.round(v);
        if (Math.abs(v - whole) < 1e-9) {
            return "10" + superscript(whole);
        }
        double value = Math.pow(10, v);
        if (value >= 0.01 && value < 10_000) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        long exponent = (long) Math.floor(v);
        return String.format(Locale.ROOT, "%.2g·10", value / Math.pow(10, exponent)) + superscript(exponent);
    }

    static String superscript(long exponent) {
        StringBuilder sb = new StringBuilder();
        if (exponent < 0) {
            sb.append('⁻');
        }
        for (char c : Long.toString(Math.abs(exponent)).toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }

    @Override
    public Number fromString(String label) {
        throw new UnsupportedOperationException("axis labels are not parsed");
    }
}
