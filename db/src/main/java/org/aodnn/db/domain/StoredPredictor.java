package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * A fitted predictor as stored: its name, the platforms it covers (comma-separated), the predicted
 * quantity, the document's schema version and training-data fingerprint, the JSON document itself and its
 * metrics. {@code document} is empty in listings ({@code PredictorRepository.list()}).
 */
public record StoredPredictor(String name, String platform, String quantity, int schemaVersion, String fingerprint,
                              String document, String metricsJson, OffsetDateTime createdAt) {
}
