package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.APP_SETTING;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** Key/value facts about the store itself. */
public final class SettingRepository {

    private final DSLContext dsl;

    public SettingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String name) {
        return dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.NAME.eq(name))
                .fetchOptional(APP_SETTING.SETTING_VALUE);
    }

    public void put(String name, String value) {
        dsl.mergeInto(APP_SETTING)
                .using(dsl.selectOne())
                .on(APP_SETTING.NAME.eq(name))
                .whenMatchedThenUpdate()
                .set(APP_SETTING.SETTING_VALUE, value)
                .set(APP_SETTING.UPDATED_AT, OffsetDateTime.now())
                .whenNotMatchedThenInsert(APP_SETTING.NAME, APP_SETTING.SETTING_VALUE, APP_SETTING.UPDATED_AT)
                .values(name, value, OffsetDateTime.now())
                .execute();
    }
}
