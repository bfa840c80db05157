package org.aodnn.policyeditor.cli;

import java.util.Locale;
import org.aodnn.policyeditor.policy.SettingRanges;

/**
 * The ranges the numeric partition options must lie in. The solver works in doubles: a value like
 * {@code --up 1e308} made the radio power overflow to Infinity and 0·Infinity gave NaN energies, and
 * {@code --t-max 1e308 --e-max 1e-308} an infinite η. Each range is far wider than anything a real phone,
 * link or bound needs, and narrow enough that T, E and T + η·E of any cut stay finite for finite inputs:
 * <ul>
 *   <li>bandwidth 1e-3 .. 1e6 Mbit/s: 1 kbit/s is below any data link still in service (GPRS gives about
 *       50 kbit/s); 1e6 Mbit/s = 1 Tbit/s is beyond any radio or cable to a phone (WiFi 7 peaks near 46 Gbit/s);</li>
 *   <li>T_max 1e-3 .. 1e9 ms: one microsecond is less than dispatching one layer; 1e9 ms is about 11.6 days;</li>
 *   <li>E_max 1e-6 .. 1e6 J: a microjoule is less than one layer costs; a phone battery holds about 5e4 J
 *       (4000 mAh at 3.85 V), so 1e6 J is twenty full charges;</li>
 *   <li>η 0 .. 1e15 ms/J: the largest T_max / E_max these ranges allow, so a set η has the same span as a linked one;</li>
 *   <li>compute power 0 .. 1e5 mW: 100 W, ten times what any phone or laptop SoC draws under load (2–10 W);</li>
 *   <li>input bytes 1 .. 1e12: a terabyte, far beyond any single inference input.</li>
 * </ul>
 */
final class OptionRanges {

    static final double MIN_MBPS = SettingRanges.MIN_MBPS;
    static final double MAX_MBPS = SettingRanges.MAX_MBPS;
    static final double MIN_T_MAX_MS = SettingRanges.MIN_T_MAX_MS;
    static final double MAX_T_MAX_MS = SettingRanges.MAX_T_MAX_MS;
    static final double MIN_E_MAX_J = SettingRanges.MIN_E_MAX_J;
    static final double MAX_E_MAX_J = SettingRanges.MAX_E_MAX_J;
    static final double MAX_ETA = SettingRanges.MAX_ETA;
    static final double MAX_POWER_MW = SettingRanges.MAX_POWER_MW;
    static final long MAX_INPUT_BYTES = org.aodnn.policyeditor.policy.InputSize.MAX_BYTES;

    private OptionRanges() {
    }

    /** {@code value} is finite and in [min, max]; else an error naming the option, its unit and the range. */
    static void require(String option, double value, double min, double max, String unit) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(option + " " + format(value) + ": must be a finite number from "
                    + format(min) + " to " + format(max) + " " + unit);
        }
    }

    static void require(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " " + value + ": must be from " + min + " to " + max + " "
                    + unit);
        }
    }

    /** As the operator would write it: 40, 0.5, 1e+308. */
    static String format(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String[] parts = String.format(Locale.ROOT, "%.6g", v).split("e", 2); // mantissa, exponent
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("\\.?0+$", "") : parts[0];
        return parts.length == 2 ? mantissa + "e" + parts[1] : mantissa;
    }
}
