package org.aodnn.policyeditor.policy;

/**
 * The ranges a policy's numbers must lie in, shared by the CLI options and the editor's fields (the reasons
 * for each range are given with the CLI's checks, {@code org.aodnn.policyeditor.cli.OptionRanges}): wide
 * enough for any real phone, link or bound, narrow enough that every cut's T, E and objective stay finite.
 */
public final class SettingRanges {

    public static final double MIN_MBPS = 1e-3;
    public static final double MAX_MBPS = 1e6;
    public static final double MIN_T_MAX_MS = 1e-3;
    public static final double MAX_T_MAX_MS = 1e9;
    public static final double MIN_E_MAX_J = 1e-6;
    public static final double MAX_E_MAX_J = 1e6;
    public static final double MAX_ETA = 1e15;
    public static final double MAX_POWER_MW = 1e5;

    private SettingRanges() {
    }
}
