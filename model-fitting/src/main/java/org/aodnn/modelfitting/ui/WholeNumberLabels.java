package org.aodnn.modelfitting.ui;

import javafx.util.StringConverter;

/** Tick labels for an axis of whole numbers (polynomial degrees): the auto-ranged in-between ticks stay blank. */
public final class WholeNumberLabels extends StringConverter<Number> {

    @Override
    public String toString(Number value) {
        if (value == null) {
            return "";
        }
        double v = value.doubleValue();
        long whole = Math.round(v);
        return Math.abs(v - whole) < 1e-9 ? Long.toString(whole) : "";
    }

    @Override
    public Number fromString(String label) {
        throw new UnsupportedOperationException("axis labels are not parsed");
    }
}
