package org.aodnn.policyeditor.ui;

import java.util.Locale;
import org.aodnn.policyeditor.policy.SettingRanges;

/**
 * The three numbers of the bounds and weighting that the operator may type as well as drag: a slider is too
 * coarse for a bound of a few millijoules on a 100 J scale. Ranges as the CLI's ({@link SettingRanges}).
 */
public enum BoundParameter {
    T_MAX("T_max", "ms", SettingRanges.MIN_T_MAX_MS, SettingRanges.MAX_T_MAX_MS, "%.1f"),
    E_MAX("E_max", "J", SettingRanges.MIN_E_MAX_J, SettingRanges.MAX_E_MAX_J, "%.4g"),
    ETA("η", "ms/J", 0, SettingRanges.MAX_ETA, "%.2f");

    private final String label;
    private final String unit;
    private final double min;
    private final double max;
    private final String format;

    BoundParameter(String label, String unit, double min, double max, String format) {
        this.label = label;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.format = format;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The lowest value a slider may reach: the bounds must stay above 0, as the solver requires. */
    public double min() {
        return min;
    }

    /** As the field shows it (rounded; committing the shown text unchanged is not an edit). */
    public String format(double value) {
        return String.format(Locale.ROOT, format, value).trim();
    }

    /**
     * Parses an operator's entry: a finite number in this parameter's range (a decimal point, not a comma).
     * A bad entry is an {@link IllegalArgumentException} naming the parameter, the text and the range.
     */
    public double parse(String text) {
        return NumberEntry.parse(label, unit, text, min, max);
    }
}
