package org.aodnn.db.domain;

import java.time.OffsetDateTime;

/**
 * A device the lab has seen (table {@code device}): a phone over ADB, a simulated phone, or this computer.
 * {@code rooted} is null while unknown; {@code firstSeen}/{@code lastSeen} are set by the repository.
 */
public record DeviceInfo(String serial, String kind, String manufacturer, String model, String androidVersion,
                         String soc, String abi, Integer cores, boolean simulated, Boolean rooted,
                         OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
}
