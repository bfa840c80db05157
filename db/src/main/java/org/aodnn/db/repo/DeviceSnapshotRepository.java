package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.DEVICE;
import static org.aodnn.db.jooq.Tables.DEVICE_SNAPSHOT;

import java.util.List;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.DeviceSnapshotRow;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Stored device state readings, newest last. The device must have been stored first. */
public final class DeviceSnapshotRepository {

    private final DSLContext dsl;

    public DeviceSnapshotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the snapshot (its {@code id} is ignored) and returns the new id. */
    public long add(DeviceSnapshotRow s) {
        Long deviceId = dsl.select(DEVICE.ID).from(DEVICE).where(DEVICE.SERIAL.eq(s.serial())).fetchOne(DEVICE.ID);
        if (deviceId == null) {
            throw new StoreException("no device with serial " + s.serial() + " is stored; store the device first");
        }
        return dsl.insertInto(DEVICE_SNAPSHOT)
                .set(DEVICE_SNAPSHOT.DEVICE_ID, deviceId)
                .set(DEVICE_SNAPSHOT.TAKEN_AT, s.takenAt())
                .set(DEVICE_SNAPSHOT.CPU_JSON, s.cpuJson())
                .set(DEVICE_SNAPSHOT.GOVERNOR, s.governor())
                .set(DEVICE_SNAPSHOT.MAX_FREQ_KHZ, s.maxFreqKhz())
                .set(DEVICE_SNAPSHOT.CUR_FREQ_KHZ, s.curFreqKhz())
                .set(DEVICE_SNAPSHOT.BATTERY_LEVEL, s.batteryLevel())
                .set(DEVICE_SNAPSHOT.BATTERY_STATUS, s.batteryStatus())
                .set(DEVICE_SNAPSHOT.BATTERY_TEMP_C, s.batteryTempC())
                .set(DEVICE_SNAPSHOT.BATTERY_VOLTAGE_MV, s.batteryVoltageMv())
                .set(DEVICE_SNAPSHOT.BATTERY_CURRENT_MA, s.batteryCurrentMa())
                .set(DEVICE_SNAPSHOT.TEMPERATURE_C, s.temperatureC())
                .set(DEVICE_SNAPSHOT.THERMAL_JSON, s.thermalJson())
                .set(DEVICE_SNAPSHOT.SCREEN_ON, s.screenOn())
                .set(DEVICE_SNAPSHOT.BROWSERS_JSON, s.browsersJson())
                .returning(DEVICE_SNAPSHOT.ID)
                .fetchOne(DEVICE_SNAPSHOT.ID);
    }

    public List<DeviceSnapshotRow> list(String serial) {
        return dsl.select(DEVICE_SNAPSHOT.asterisk(), DEVICE.SERIAL)
                .from(DEVICE_SNAPSHOT).join(DEVICE).on(DEVICE.ID.eq(DEVICE_SNAPSHOT.DEVICE_ID))
                .where(DEVICE.SERIAL.eq(serial))
                .orderBy(DEVICE_SNAPSHOT.TAKEN_AT, DEVICE_SNAPSHOT.ID)
                .fetch(DeviceSnapshotRepository::toRow);
    }

    private static DeviceSnapshotRow toRow(Record r) {
        return new DeviceSnapshotRow(r.get(DEVICE_SNAPSHOT.ID), r.get(DEVICE.SERIAL), r.get(DEVICE_SNAPSHOT.TAKEN_AT),
                r.get(DEVICE_SNAPSHOT.CPU_JSON), r.get(DEVICE_SNAPSHOT.GOVERNOR), r.get(DEVICE_SNAPSHOT.MAX_FREQ_KHZ),
                r.get(DEVICE_SNAPSHOT.CUR_FREQ_KHZ), r.get(DEVICE_SNAPSHOT.BATTERY_LEVEL),
                r.get(DEVICE_SNAPSHOT.BATTERY_STATUS), r.get(DEVICE_SNAPSHOT.BATTERY_TEMP_C),
                r.get(DEVICE_SNAPSHOT.BATTERY_VOLTAGE_MV), r.get(DEVICE_SNAPSHOT.BATTERY_CURRENT_MA),
                r.get(DEVICE_SNAPSHOT.TEMPERATURE_C), r.get(DEVICE_SNAPSHOT.THERMAL_JSON),
                r.get(DEVICE_SNAPSHOT.SCREEN_ON), r.get(DEVICE_SNAPSHOT.BROWSERS_JSON));
    }
}
