package org.aodnn.profilinglab.adb.state;

/**
 * One processor of {@code /proc/cpuinfo}. ARM fields are hexadecimal ids ({@code implementer} 0x41 = Arm,
 * 0x51 = Qualcomm); {@code coreName} is the known name of that implementer/part pair, else the model name an
 * x86 kernel reports, else null.
 */
public record CpuCore(int index, String implementer, String part, String variant, String revision,
                      String architecture, String coreName, Double bogomips) {
}
