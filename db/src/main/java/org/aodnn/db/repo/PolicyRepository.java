package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.DNN_MODEL;
import static org.aodnn.db.jooq.Tables.POLICY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.StoredPolicy;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.SelectOnConditionStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Named partition policies. A policy belongs to one catalog model; its settings are a JSON document the
 * store keeps as is (the policy editor owns its format).
 */
public final class PolicyRepository {

    public static final int MAX_NAME_LENGTH = 200;

    private final DSLContext dsl;

    public PolicyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every policy, by name. */
    public List<StoredPolicy> list() {
        return select(dsl).orderBy(POLICY.NAME).fetch(PolicyRepository::toPolicy);
    }

    public List<String> names() {
        return dsl.select(POLICY.NAME).from(POLICY).orderBy(POLICY.NAME).fetch(POLICY.NAME);
    }

    public Optional<StoredPolicy> find(String name) {
        return select(dsl).where(POLICY.NAME.eq(name)).fetchOptional(PolicyRepository::toPolicy);
    }

    /**
     * Creates the policy {@code name}, or replaces the model and settings of the policy of that name
     * (keeping its creation time). Fails, storing nothing, when the model is not in the catalog.
     */
    public StoredPolicy save(String name, String model, String settingsJson) {
        return write(name, model, settingsJson, true);
    }

    /**
     * Creates the policy {@code name}; fails, storing nothing, when a policy of that name exists (checked by the
     * database's unique name in the same insert, so two concurrent creators cannot both succeed).
     */
    public StoredPolicy create(String name, String model, String settingsJson) {
        return write(name, model, settingsJson, false);
    }

    private StoredPolicy write(String name, String model, String settingsJson, boolean replaceExisting) {
        if (name == null || name.isBlank()) {
            throw new StoreException("a policy needs a non-empty name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new StoreException("policy name is longer than " + MAX_NAME_LENGTH + " characters: " + name);
        }
        if (settingsJson == null || settingsJson.isBlank()) {
            throw new StoreException("policy '" + name + "' has no settings");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Long modelId = tx.select(DNN_MODEL.ID).from(DNN_MODEL).where(DNN_MODEL.NAME.eq(model))
                    .fetchOptional(DNN_MODEL.ID).orElseThrow(() -> new StoreException(
                            "policy '" + name + "': no model named '" + model + "' in the catalog"));
            OffsetDateTime now = OffsetDateTime.now();
            int updated = !replaceExisting ? 0 : tx.update(POLICY)
                    .set(POLICY.MODEL_ID, modelId)
                    .set(POLICY.SETTINGS_JSON, settingsJson)
                    .set(POLICY.UPDATED_AT, now)
                    .where(POLICY.NAME.eq(name))
                    .execute();
            if (updated == 0) {
                try {
                    tx.insertInto(POLICY)
                            .set(POLICY.NAME, name)
                            .set(POLICY.MODEL_ID, modelId)
                            .set(POLICY.SETTINGS_JSON, settingsJson)
                            .set(POLICY.CREATED_AT, now)
                            .set(POLICY.UPDATED_AT, now)
                            .execute();
                } catch (IntegrityConstraintViolationException e) {
                    throw new StoreException("a policy named '" + name + "' already exists", e);
                }
            }
        });
        return find(name).orElseThrow(() -> new StoreException("policy '" + name + "' vanished after saving"));
    }

    public boolean delete(String name) {
        return dsl.deleteFrom(POLICY).where(POLICY.NAME.eq(name)).execute() > 0;
    }

    private static SelectOnConditionStep<Record5<String, String, String, OffsetDateTime, OffsetDateTime>> select(
            DSLContext ctx) {
        return ctx.select(POLICY.NAME, DNN_MODEL.NAME, POLICY.SETTINGS_JSON, POLICY.CREATED_AT, POLICY.UPDATED_AT)
                .from(POLICY)
                .join(DNN_MODEL).on(DNN_MODEL.ID.eq(POLICY.MODEL_ID));
    }

    private static StoredPolicy toPolicy(Record r) {
        return new StoredPolicy(r.get(POLICY.NAME), r.get(DNN_MODEL.NAME), r.get(POLICY.SETTINGS_JSON),
                r.get(POLICY.CREATED_AT), r.get(POLICY.UPDATED_AT));
    }
}
