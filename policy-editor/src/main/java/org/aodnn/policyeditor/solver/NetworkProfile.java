package org.aodnn.policyeditor.solver;

import java.util.List;
import java.util.Locale;

/**
 * The radio power model of one network type (paper Eq. 9, Table I): transmitting at {@code B} Mbit/s
 * costs {@code P_u = alphaUp·B_up + beta} and {@code P_d = alphaDown·B_down + beta} milliwatts.
 * Profiles are values: edit one with the {@code with...} methods.
 */
public record NetworkProfile(String name, double alphaUpMwPerMbps, double alphaDownMwPerMbps, double betaMw) {

    /** Table I, 3G (1–3 Mbit/s). */
    public static final NetworkProfile THREE_G = new NetworkProfile("3g", 868.98, 122.12, 817.88);
    /** Table I, 4G (5–12 Mbit/s). */
    public static final NetworkProfile FOUR_G = new NetworkProfile("4g", 438.39, 51.97, 1288.04);
    /** Table I, WiFi (30–100 Mbit/s). */
    public static final NetworkProfile WIFI = new NetworkProfile("wifi", 283.17, 137.01, 132.86);

    public NetworkProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a network profile needs a name");
        }
        requireNonNegative(name, "alpha_up", alphaUpMwPerMbps);
        requireNonNegative(name, "alpha_down", alphaDownMwPerMbps);
        requireNonNegative(name, "beta", betaMw);
    }

    private static void requireNonNegative(String profile, String what, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("network profile " + profile + ": " + what
                    + " must be a finite number >= 0, got " + value);
        }
    }

    /** The three profiles of Table I, in the order 3G, 4G, WiFi. */
    public static List<NetworkProfile> defaults() {
        return List.of(THREE_G, FOUR_G, WIFI);
    }

    /** A Table I profile by name ({@code 3g}, {@code 4g}, {@code wifi}; case-insensitive). */
    public static NetworkProfile byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (NetworkProfile p : defaults()) {
            if (p.name().equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown network profile '" + name + "' (known: 3g, 4g, wifi)");
    }

    /** Uplink radio power in mW at {@code upMbps}. */
    public double uplinkPowerMw(double upMbps) {
        return alphaUpMwPerMbps * upMbps + betaMw;
    }

    /** Downlink radio power in mW at {@code downMbps}. */
    public double downlinkPowerMw(double downMbps) {
        return alphaDownMwPerMbps * downMbps + betaMw;
    }

    public NetworkProfile withName(String newName) {
        return new NetworkProfile(newName, alphaUpMwPerMbps, alphaDownMwPerMbps, betaMw);
    }

    public NetworkProfile withAlphaUp(double value) {
        return new NetworkProfile(name, value, alphaDownMwPerMbps, betaMw);
    }

    public NetworkProfile withAlphaDown(double value) {
        return new NetworkProfile(name, alphaUpMwPerMbps, value, betaMw);
    }

    public NetworkProfile withBeta(double value) {
        return new NetworkProfile(name, alphaUpMwPerMbps, alphaDownMwPerMbps, value);
    }
}
