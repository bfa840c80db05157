package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.DEVICE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.domain.DeviceInfo;
import org.aodnn.db.jooq.tables.records.DeviceRecord;
import org.jooq.DSLContext;

/** Devices by serial: storing a serial again updates its facts and {@code last_seen}, keeping {@code first_seen}. */
public final class DeviceRepository {

    private final DSLContext dsl;

    public DeviceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts or updates the device and returns its id. */
    public long upsert(DeviceInfo d) {
        OffsetDateTime now = OffsetDateTime.now();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = org.jooq.impl.DSL.using(cfg);
            DeviceRecord r = tx.selectFrom(DEVICE).where(DEVICE.SERIAL.eq(d.serial())).forUpdate().fetchOne();
            if (r == null) {
                r = tx.newRecord(DEVICE);
                r.setSerial(d.serial());
                r.setFirstSeen(now);
            }
            r.setKind(d.kind());
            r.setManufacturer(d.manufacturer());
            r.setModel(d.model());
            r.setAndroidVersion(d.androidVersion());
            r.setSoc(d.soc());
            r.setAbi(d.abi());
            r.setCores(d.cores());
            r.setSimulated(d.simulated());
            if (d.rooted() != null) {
                r.setRooted(d.rooted());
            }
            r.setLastSeen(now);
            r.store();
            return r.getId();
        });
    }

    public Optional<DeviceInfo> find(String serial) {
        return dsl.selectFrom(DEVICE).where(DEVICE.SERIAL.eq(serial)).fetchOptional().map(DeviceRepository::toInfo);
    }

    public List<DeviceInfo> list() {
        return dsl.selectFrom(DEVICE).orderBy(DEVICE.SERIAL).fetch(DeviceRepository::toInfo);
    }

    private static DeviceInfo toInfo(DeviceRecord r) {
        return new DeviceInfo(r.getSerial(), r.getKind(), r.getManufacturer(), r.getModel(), r.getAndroidVersion(),
                r.getSoc(), r.getAbi(), r.getCores(), Boolean.TRUE.equals(r.getSimulated()), r.getRooted(),
                r.getFirstSeen(), r.getLastSeen());
    }
}
