package org.aodnn.policyeditor.ui;

/** An operator's typed number for one named setting: a finite decimal (a point, not a comma) within a range. */
final class NumberEntry {

    private NumberEntry() {
    }

    /**
     * The number {@code text} holds; an {@link IllegalArgumentException} naming the setting, the text and what
     * is accepted otherwise. An infinite {@code max} means no upper bound.
     */
    static double parse(String label, String unit, String text, double min, double max) {
        String t = text == null ? "" : text.trim();
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": '" + t + "' is not a number (" + unit + ")");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(label + ": " + t + (Double.isInfinite(max)
                    ? " must be a finite number >= " + plain(min) + " (" + unit + ")"
                    : " must be from " + plain(min) + " to " + plain(max) + " " + unit));
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : Double.toString(v);
    }
}
