package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.PREDICTOR;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.StoredPredictor;
import org.jooq.DSLContext;

/** Fitted predictor documents, by unique name. */
public final class PredictorRepository {

    private final DSLContext dsl;

    public PredictorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores a predictor. With {@code replace}, an existing one of the same name is replaced in the same
     * transaction; without it, an existing name is an error and nothing is written.
     */
    public void save(StoredPredictor p, boolean replace) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            boolean exists = tx.fetchExists(PREDICTOR, PREDICTOR.NAME.eq(p.name()));
            if (exists && !replace) {
                throw new StoreException("a predictor named '" + p.name() + "' already exists");
            }
            if (exists) {
                tx.deleteFrom(PREDICTOR).where(PREDICTOR.NAME.eq(p.name())).execute();
            }
            tx.insertInto(PREDICTOR)
                    .set(PREDICTOR.NAME, p.name())
                    .set(PREDICTOR.PLATFORM, p.platform())
                    .set(PREDICTOR.QUANTITY, p.quantity())
                    .set(PREDICTOR.SCHEMA_VERSION, p.schemaVersion())
                    .set(PREDICTOR.FINGERPRINT, p.fingerprint())
                    .set(PREDICTOR.DOCUMENT, p.document())
                    .set(PREDICTOR.METRICS_JSON, p.metricsJson())
                    .set(PREDICTOR.CREATED_AT, p.createdAt() == null ? OffsetDateTime.now() : p.createdAt())
                    .execute();
        });
    }

    public Optional<StoredPredictor> find(String name) {
        return dsl.selectFrom(PREDICTOR).where(PREDICTOR.NAME.eq(name)).fetchOptional(r -> new StoredPredictor(
                r.getName(), r.getPlatform(), r.getQuantity(), r.getSchemaVersion(), r.getFingerprint(),
                r.getDocument(), r.getMetricsJson(), r.getCreatedAt()));
    }

    /** Every stored predictor without its document, newest first. */
    public List<StoredPredictor> list() {
        return dsl.select(PREDICTOR.NAME, PREDICTOR.PLATFORM, PREDICTOR.QUANTITY, PREDICTOR.SCHEMA_VERSION,
                        PREDICTOR.FINGERPRINT, PREDICTOR.METRICS_JSON, PREDICTOR.CREATED_AT)
                .from(PREDICTOR)
                .orderBy(PREDICTOR.CREATED_AT.desc(), PREDICTOR.NAME)
                .fetch(r -> new StoredPredictor(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), "",
                        r.value6(), r.value7()));
    }

    public boolean delete(String name) {
        return dsl.deleteFrom(PREDICTOR).where(PREDICTOR.NAME.eq(name)).execute() > 0;
    }
}
