package org.aodnn.policyeditor.source;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where per-layer latencies come from: a stored measurement profile, a CSV file or a fitted predictor
 * stored in the database. Serialised in policy documents with a {@code kind} of {@code measured},
 * {@code csv} or {@code predictor}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MeasurementProfile.class, name = "measured"),
    @JsonSubTypes.Type(value = CsvFileSource.class, name = "csv"),
    @JsonSubTypes.Type(value = PredictorSource.class, name = "predictor")
})
public sealed interface LayerSource permits MeasurementProfile, CsvFileSource, PredictorSource {

    /** A short human description for labels and messages. */
    String describe();

    /** The JSON {@code kind} of {@code source}: {@code measured}, {@code csv} or {@code predictor} (for manifests and reports). */
    static String kindOf(LayerSource source) {
        if (source instanceof MeasurementProfile) {
            return "measured";
        }
        return source instanceof PredictorSource ? "predictor" : "csv";
    }
}
