package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * A change made to a device that must be undone (table {@code device_restore}). It is written before the
 * change is made, so a crash leaves a record that {@code device reset} (or the next start) applies.
 * {@code setting} names what was changed (for example a sysfs path), {@code originalValue} what to put back,
 * {@code owner} who made it (a session id or {@code cli}).
 */
public record DeviceRestoreEntry(long id, String deviceSerial, String setting, String originalValue, String owner,
                                 OffsetDateTime createdAt) {
}
