package org.aodnn.policyeditor.solver;

import java.util.Arrays;

/**
 * One number per layer of a model, indexed by {@code layer_index} (a latency in ms or an energy in J),
 * with a description of where it came from for messages and the UI.
 */
public final class LayerValues {

    private final String source;
    private final double[] values;

    public LayerValues(String source, double[] values) {
        this.source = source;
        this.values = values.clone();
        for (int i = 0; i < this.values.length; i++) {
            double v = this.values[i];
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(source + ": layer " + i + " has value " + v
                        + ", expected a finite number >= 0");
            }
        }
    }

    /** Where the values came from, for example a file name or a measured profile. */
    public String source() {
        return source;
    }

    public int size() {
        return values.length;
    }

    public double get(int layerIndex) {
        return values[layerIndex];
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerValues other && source.equals(other.source) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LayerValues[" + source + ", " + values.length + " layers]";
    }
}
