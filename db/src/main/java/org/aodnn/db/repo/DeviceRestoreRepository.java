package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.DEVICE_RESTORE;

import java.time.OffsetDateTime;
import java.util.List;
import org.aodnn.db.domain.DeviceRestoreEntry;
import org.jooq.DSLContext;

/**
 * Pending undo records for device changes. The rule that keeps phones safe: {@link #record} runs (and
 * commits) before the change is made; the entry is deleted only after the original value was put back.
 * When a setting is changed twice, the first (oldest) record holds the true original value.
 */
public final class DeviceRestoreRepository {

    private final DSLContext dsl;

    public DeviceRestoreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records that {@code setting} of the device will change from {@code originalValue}, unless a pending
     * record for the same setting already exists (which keeps the oldest original). Returns the entry's id.
     */
    public long record(String serial, String setting, String originalValue, String owner) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = org.jooq.impl.DSL.using(cfg);
            Long existing = tx.select(DEVICE_RESTORE.ID).from(DEVICE_RESTORE)
                    .where(DEVICE_RESTORE.DEVICE_SERIAL.eq(serial)).and(DEVICE_RESTORE.SETTING.eq(setting))
                    .orderBy(DEVICE_RESTORE.ID).limit(1).fetchOne(DEVICE_RESTORE.ID);
            if (existing != null) {
                return existing;
            }
            return tx.insertInto(DEVICE_RESTORE)
                    .set(DEVICE_RESTORE.DEVICE_SERIAL, serial)
                    .set(DEVICE_RESTORE.SETTING, setting)
                    .set(DEVICE_RESTORE.ORIGINAL_VALUE, originalValue)
                    .set(DEVICE_RESTORE.OWNER, owner)
                    .set(DEVICE_RESTORE.CREATED_AT, OffsetDateTime.now())
                    .returning(DEVICE_RESTORE.ID)
                    .fetchOne(DEVICE_RESTORE.ID);
        });
    }

    /** Pending entries of a device, newest first (undo in reverse order of the changes). */
    public List<DeviceRestoreEntry> pending(String serial) {
        return dsl.selectFrom(DEVICE_RESTORE).where(DEVICE_RESTORE.DEVICE_SERIAL.eq(serial))
                .orderBy(DEVICE_RESTORE.ID.desc())
                .fetch(r -> new DeviceRestoreEntry(r.getId(), r.getDeviceSerial(), r.getSetting(),
                        r.getOriginalValue(), r.getOwner(), r.getCreatedAt()));
    }

    /** Removes an entry once its original value is back on the device. */
    public void done(long id) {
        dsl.deleteFrom(DEVICE_RESTORE).where(DEVICE_RESTORE.ID.eq(id)).execute();
    }
}
