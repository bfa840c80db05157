package org.aodnn.policyeditor.source;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where the mobile compute energy comes from: a constant compute power applied to the mobile latency,
 * the {@code energy_mj} of a stored measurement profile, an {@code energy_j} CSV file, or a stored energy
 * predictor (model-fitting's {@code aodnn fit --quantity energy --save NAME}) evaluated for every layer.
 * Serialised with a {@code kind} of {@code compute_power}, {@code measured}, {@code csv} or {@code predicted}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EnergySource.ComputePower.class, name = "compute_power"),
    @JsonSubTypes.Type(value = EnergySource.Measured.class, name = "measured"),
    @JsonSubTypes.Type(value = EnergySource.Csv.class, name = "csv"),
    @JsonSubTypes.Type(value = EnergySource.Predicted.class, name = "predicted")
})
public sealed interface EnergySource {

    String describe();

    /** {@code ew_i = P_compute·tw_i / 10^6} with {@code P_compute} in mW. */
    record ComputePower(double milliwatts) implements EnergySource {
        public ComputePower {
            if (!Double.isFinite(milliwatts) || milliwatts < 0) {
                throw new IllegalArgumentException("compute power must be a finite number of mW >= 0, got "
                        + milliwatts);
            }
        }

        @Override
        public String describe() {
            return "P_compute " + milliwatts + " mW";
        }
    }

    /** The measured energy ({@code energy_mj}) of a stored profile. */
    record Measured(MeasurementProfile profile) implements EnergySource {
        @Override
        public String describe() {
            return "measured energy of " + profile.describe();
        }
    }

    /** An {@code energy_j} CSV file. */
    record Csv(String path) implements EnergySource {
        public Csv {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("a CSV energy source needs a file path");
            }
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /** The per-layer energy a stored energy predictor gives on one of its platforms, at some threads. */
    record Predicted(PredictorSource predictor) implements EnergySource {
        public Predicted {
            if (predictor == null) {
                throw new IllegalArgumentException("a predicted energy source needs a stored predictor");
            }
        }

        @Override
        public String describe() {
            return "energy " + predictor.describe();
        }
    }
}
