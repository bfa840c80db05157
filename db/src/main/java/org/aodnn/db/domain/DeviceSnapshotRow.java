package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * One stored reading of a device's state (table {@code device_snapshot}). The detailed parts (CPU policies,
 * thermal zones, browsers) are JSON documents written and read by the profiling lab; the scalar columns
 * summarise them for queries. Battery current is in mA, positive while the battery discharges.
 */
public record DeviceSnapshotRow(long id, String serial, OffsetDateTime takenAt, String cpuJson, String governor,
                                Long maxFreqKhz, Long curFreqKhz, Integer batteryLevel, String batteryStatus,
                                Double batteryTempC, Double batteryVoltageMv, Double batteryCurrentMa,
                                Double temperatureC, String thermalJson, Boolean screenOn, String browsersJson) {
}
