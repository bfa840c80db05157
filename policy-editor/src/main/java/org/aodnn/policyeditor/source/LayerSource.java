package org.aodnn.policyeditor.source;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where per-layer latencies come from: a stored measurement profile or a CSV file. Serialised in policy
 * documents with a {@code kind} of {@code measured} or {@code csv}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MeasurementProfile.class, name = "measured"),
    @JsonSubTypes.Type(value = CsvFileSource.class, name = "csv")
})
public sealed interface LayerSource permits MeasurementProfile, CsvFileSource {

    /** A short human description for labels and messages. */
    String describe();
}
