package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.MANIFEST;
import static org.aodnn.db.jooq.Tables.POLICY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.ManifestEntry;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Signed manifests, one row per (model, version); the version only grows per model. */
public final class ManifestRepository {

    private final DSLContext dsl;

    public ManifestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The version a new manifest of {@code model} gets: one above every stored one (1 for the first). */
    public int nextVersion(String model) {
        Integer max = dsl.select(DSL.max(MANIFEST.VERSION)).from(MANIFEST).where(MANIFEST.MODEL.eq(model))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    /**
     * Stores a new manifest; fails, storing nothing, when its version is not above every stored version of
     * the model or when {@code policyName} is given but not saved.
     */
    public ManifestEntry add(String model, int version, String policyName, String sha256, String keyId,
                             String document) {
        try {
            insert(model, version, policyName, sha256, keyId, document);
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            // two consoles built the same version at once: the unique (model, version) key keeps one
            throw new StoreException("manifest " + model + " v" + version + " was stored concurrently; build again", e);
        }
        return find(model, version).orElseThrow(() -> new StoreException("manifest " + model + " v" + version
                + " vanished after saving"));
    }

    private void insert(String model, int version, String policyName, String sha256, String keyId, String document) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Integer max = tx.select(DSL.max(MANIFEST.VERSION)).from(MANIFEST).where(MANIFEST.MODEL.eq(model))
                    .fetchOne(0, Integer.class);
            if (max != null && version <= max) {
                throw new StoreException("manifest " + model + " v" + version + ": the version must be above "
                        + max + ", the highest stored for " + model);
            }
            Long policyId = null;
            if (policyName != null) {
                policyId = tx.select(POLICY.ID).from(POLICY).where(POLICY.NAME.eq(policyName))
                        .fetchOptional(POLICY.ID).orElseThrow(() -> new StoreException("manifest " + model + " v"
                                + version + ": no saved policy named '" + policyName + "'"));
            }
            tx.insertInto(MANIFEST)
                    .set(MANIFEST.MODEL, model)
                    .set(MANIFEST.VERSION, version)
                    .set(MANIFEST.POLICY_ID, policyId)
                    .set(MANIFEST.SHA256, sha256)
                    .set(MANIFEST.KEY_ID, keyId)
                    .set(MANIFEST.DOCUMENT, document)
                    .set(MANIFEST.CREATED_AT, OffsetDateTime.now())
                    .execute();
        });
    }

    public Optional<ManifestEntry> find(String model, int version) {
        return select().where(MANIFEST.MODEL.eq(model).and(MANIFEST.VERSION.eq(version)))
                .fetchOptional(ManifestRepository::toEntry);
    }

    /** Every manifest, by model then version. */
    public List<ManifestEntry> list() {
        return select().orderBy(MANIFEST.MODEL, MANIFEST.VERSION).fetch(ManifestRepository::toEntry);
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(MANIFEST.fields()).select(POLICY.NAME).from(MANIFEST).leftJoin(POLICY)
                .on(POLICY.ID.eq(MANIFEST.POLICY_ID));
    }

    private static ManifestEntry toEntry(Record r) {
        return new ManifestEntry(r.get(MANIFEST.ID), r.get(MANIFEST.MODEL), r.get(MANIFEST.VERSION), r.get(POLICY.NAME),
                r.get(MANIFEST.SHA256), r.get(MANIFEST.KEY_ID), r.get(MANIFEST.DOCUMENT), r.get(MANIFEST.CREATED_AT));
    }
}
