package org.aodnn.modelfitting.predictor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A predictor as stored and exported: versioned, self-describing and evaluable without Smile
 * (docs/predictor-format.md). {@code fingerprint} is the SHA-256 of the training rows; {@code metrics}
 * holds the fit's accuracy figures (free-form, ignored by evaluators).
 */
public record PredictorDocument(int schemaVersion, String quantity, String mode, String fingerprint,
                                String createdAt, List<PlatformPredictor> platforms, ObjectNode metrics) {

    /**
     * 2: platforms record {@code trainingThreads}, and an unknown CPU frequency is the training mean (z = 0).
     * Version 1 documents are still read; in them an unknown frequency is 0 MHz, as they were fitted.
     */
    public static final int SCHEMA_VERSION = 2;
    public static final int OLDEST_READABLE_VERSION = 1;
    public static final String QUANTITY_LATENCY = "latency_ms";
    public static final String QUANTITY_ENERGY = "energy_mj";

    public PredictorDocument {
        platforms = List.copyOf(platforms);
    }

    /** The predicted quantity; a document read through {@link PredictorJson} always has a known one. */
    public Quantity quantityKind() {
        return Quantity.ofId(quantity);
    }

    public Optional<PlatformPredictor> platform(String name) {
        return platforms.stream().filter(p -> p.platform().equals(name)).findFirst();
    }

    public List<String> platformNames() {
        return platforms.stream().map(PlatformPredictor::platform).toList();
    }

    public PredictorDocument withMetrics(ObjectNode newMetrics) {
        return new PredictorDocument(schemaVersion, quantity, mode, fingerprint, createdAt, platforms, newMetrics);
    }
}
