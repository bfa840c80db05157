package org.aodnn.profilinglab.adb.state;

/** One {@code /sys/class/thermal/thermal_zoneN}: its type (sensor name) and temperature in °C (null if unreadable). */
public record ThermalZone(int index, String type, Double tempC) {
}
