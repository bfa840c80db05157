package org.aodnn.modelfitting.predictor;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import org.aodnn.db.domain.LayerMeasurement;

/**
 * What a predictor predicts per layer: latency in milliseconds (every measurement has it) or mobile energy
 * in millijoules (only phone runs that read the battery's power store it, column {@code energy_mj}). The
 * fitting method is the same for both; only the measured value, its unit and the accuracy floor differ.
 */
public enum Quantity {
    LATENCY("latency", PredictorDocument.QUANTITY_LATENCY, "ms", "predicted_ms"),
    ENERGY("energy", PredictorDocument.QUANTITY_ENERGY, "mJ", "predicted_mj");

    private final String cliName;
    private final String id;
    private final String unit;
    private final String predictedColumn;

    Quantity(String cliName, String id, String unit, String predictedColumn) {
        this.cliName = cliName;
        this.id = id;
        this.unit = unit;
        this.predictedColumn = predictedColumn;
    }

    /** The name used on the command line: {@code latency} or {@code energy}. */
    public String cliName() {
        return cliName;
    }

    /** The document's {@code quantity} and the layer-CSV column: {@code latency_ms} or {@code energy_mj}. */
    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** The column {@code aodnn predict} appends. */
    public String predictedColumn() {
        return predictedColumn;
    }

    /** The measured value of this quantity, empty when the row did not measure it. */
    public OptionalDouble measured(LayerMeasurement m) {
        if (this == LATENCY) {
            return OptionalDouble.of(m.latencyMs());
        }
        return m.energyMj() == null ? OptionalDouble.empty() : OptionalDouble.of(m.energyMj());
    }

    /**
     * Floor of the relative accuracy figures (MAPE, shares within +-5/10 %). Latency: 0.05 ms (0.005 ms on
     * a GPU), below which timer noise dominates. Energy: every layer with energy above 0, because a phone's
     * energy per layer is already an average over many repetitions and has no agreed noise floor yet.
     */
    public double accuracyFloor(String platform) {
        return this == LATENCY ? Platforms.accuracyFloorMs(platform) : 0.0;
    }

    /** By document id ({@code latency_ms}, {@code energy_mj}). */
    public static Quantity ofId(String id) {
        for (Quantity q : values()) {
            if (q.id.equals(id)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantity '" + id + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(Quantity::id).toList()) + ")");
    }

    /** By command-line name ({@code latency}, {@code energy}); the document id is accepted too. */
    public static Quantity parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Quantity q : values()) {
            if (q.cliName.equals(n) || q.id.equals(n)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantity '" + name + "' (expected latency or energy)");
    }
}
