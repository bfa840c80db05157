package org.aodnn.profilinglab.adb.state;

import java.time.ZoneOffset;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeviceInfo;
import org.aodnn.db.domain.DeviceSnapshotRow;
import org.aodnn.db.repo.DeviceRepository;
import org.aodnn.db.repo.DeviceSnapshotRepository;

/** Stores device states: the device row (identity, updated in place) and one snapshot row per reading. */
public final class DeviceSnapshots {

    public static final String KIND_ADB = "adb";
    public static final String KIND_SIMULATED = "adb-simulated";

    private final Store store;

    public DeviceSnapshots(Store store) {
        this.store = store;
    }

    /** Stores the device and the snapshot in that order; returns the snapshot id. */
    public long store(DeviceState s) {
        DeviceIdentity id = s.identity();
        new DeviceRepository(store.dsl()).upsert(new DeviceInfo(s.serial(), s.simulated() ? KIND_SIMULATED : KIND_ADB,
                id.manufacturer(), id.model(), id.androidVersion(), id.soc(), id.abi(), s.coreCount(),
                s.simulated(), s.rooted(), null, null));
        return new DeviceSnapshotRepository(store.dsl()).add(toRow(s));
    }

    static DeviceSnapshotRow toRow(DeviceState s) {
        CpuPolicy fast = s.fastestPolicy();
        BatteryState b = s.battery();
        return new DeviceSnapshotRow(0, s.serial(), s.takenAt().atOffset(ZoneOffset.UTC),
                DeviceStateJson.write(new CpuDoc(s.cpu(), s.policies())),
                fast == null ? null : fast.governor(), fast == null ? null : fast.cpuinfoMaxKhz(),
                fast == null ? null : fast.curFreqKhz(),
                b == null ? null : b.percent(), b == null ? null : b.status(), b == null ? null : b.temperatureC(),
                b == null ? null : b.voltageMv(), b == null ? null : b.currentMa(), s.maxTemperatureC(),
                DeviceStateJson.write(s.thermal()), s.screen() == null ? null : s.screen().on(),
                DeviceStateJson.write(s.browsers()));
    }

    /** The CPU part of a snapshot: cores from /proc/cpuinfo and the cpufreq policies. */
    record CpuDoc(CpuInfo cpuinfo, java.util.List<CpuPolicy> policies) {
    }
}
