package org.aodnn.policyeditor.ui;

import java.util.function.ToDoubleFunction;
import org.aodnn.policyeditor.solver.NetworkProfile;

/** The three editable numbers of a network profile (paper Table I), with their labels and units. */
public enum NetworkParameter {
    ALPHA_UP("α_u", "mW per Mbit/s", NetworkProfile::alphaUpMwPerMbps),
    ALPHA_DOWN("α_d", "mW per Mbit/s", NetworkProfile::alphaDownMwPerMbps),
    BETA("β_p", "mW", NetworkProfile::betaMw);

    private final String label;
    private final String unit;
    private final ToDoubleFunction<NetworkProfile> getter;

    NetworkParameter(String label, String unit, ToDoubleFunction<NetworkProfile> getter) {
        this.label = label;
        this.unit = unit;
        this.getter = getter;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public double get(NetworkProfile profile) {
        return getter.applyAsDouble(profile);
    }

    /** {@code profile} with this parameter set to {@code value} (validated by {@link NetworkProfile}). */
    public NetworkProfile with(NetworkProfile profile, double value) {
        return switch (this) {
            case ALPHA_UP -> profile.withAlphaUp(value);
            case ALPHA_DOWN -> profile.withAlphaDown(value);
            case BETA -> profile.withBeta(value);
        };
    }

    /**
     * Parses an operator's entry: a finite number >= 0 (a decimal point, not a comma). A bad entry is an
     * {@link IllegalArgumentException} naming the parameter and the text.
     */
    public double parse(String text) {
        return NumberEntry.parse(label, unit, text, 0, Double.POSITIVE_INFINITY);
    }
}
