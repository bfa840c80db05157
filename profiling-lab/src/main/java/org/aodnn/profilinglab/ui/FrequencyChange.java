package org.aodnn.profilinglab.ui;

import java.util.Locale;
import java.util.Objects;
import org.aodnn.profilinglab.adb.state.CpuPolicy;

/**
 * What "Set frequency" writes to one cpufreq policy: only the governor and limits that differ from what the phone
 * has now (null = left as is), since every write records an original to restore and a value rewritten unchanged
 * would record one for nothing. It is decided on the UI thread from the policy as last read, before any
 * connection is opened, so an edit that changes nothing or inverts the limits is refused without touching the
 * phone.
 */
record FrequencyChange(int policyId, String governor, Long minKhz, Long maxKhz) {

    /**
     * The change from {@code now} (the policy of phone {@code serial} as last read) to the chosen governor and
     * limits.
     *
     * @throws IllegalArgumentException saying why nothing would be changed: nothing differs, or the minimum
     *         (chosen or kept) would be above the maximum
     */
    static FrequencyChange between(String serial, CpuPolicy now, String governor, Long minKhz, Long maxKhz) {
        String g = Objects.equals(governor, now.governor()) ? null : governor;
        Long min = Objects.equals(minKhz, now.scalingMinKhz()) ? null : minKhz;
        Long max = Objects.equals(maxKhz, now.scalingMaxKhz()) ? null : maxKhz;
        if (g == null && min == null && max == null) {
            throw new IllegalArgumentException("policy" + now.id() + " of " + serial + " already has governor "
                    + now.governor() + ", min " + mhz(now.scalingMinKhz()) + " and max " + mhz(now.scalingMaxKhz())
                    + ": nothing to change");
        }
        // a limit left as is still bounds the other one
        Long effectiveMin = min != null ? min : now.scalingMinKhz();
        Long effectiveMax = max != null ? max : now.scalingMaxKhz();
        if (effectiveMin != null && effectiveMax != null && effectiveMin > effectiveMax) {
            throw new IllegalArgumentException("minimum " + mhz(effectiveMin) + " is above maximum " + mhz(effectiveMax)
                    + " on policy" + now.id() + ": nothing was changed");
        }
        return new FrequencyChange(now.id(), g, min, max);
    }

    /** A clock in MHz as the controls show it: whole MHz when exact, else one decimal; "n/a" when unknown. */
    static String mhz(Long khz) {
        return khz == null ? "n/a" : (khz % 1000 == 0 ? String.valueOf(khz / 1000)
                : String.format(Locale.ROOT, "%.1f", khz / 1000.0)) + " MHz";
    }
}
