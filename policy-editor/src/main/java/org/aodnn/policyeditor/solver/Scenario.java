package org.aodnn.policyeditor.solver;

/**
 * What the operator varies live: the network profile and bandwidths (Mbit/s, 10^6 bit/s), whether the
 * weights are already cached in the browser, the bounds {@code T_max} (ms) and {@code E_max} (J) and
 * η (ms/J). With {@code etaOverride == null}, η is linked to the bounds: {@code η = T_max / E_max}.
 */
public record Scenario(NetworkProfile network, double upMbps, double downMbps, boolean weightsCached,
                       double tMaxMs, double eMaxJ, Double etaOverride) {

    public Scenario {
        if (network == null) {
            throw new IllegalArgumentException("a scenario needs a network profile");
        }
        requirePositive("uplink bandwidth (Mbit/s)", upMbps);
        requirePositive("downlink bandwidth (Mbit/s)", downMbps);
        requirePositive("T_max (ms)", tMaxMs);
        requirePositive("E_max (J)", eMaxJ);
        if (etaOverride != null && (!Double.isFinite(etaOverride) || etaOverride < 0)) {
            throw new IllegalArgumentException("eta must be a finite number >= 0, got " + etaOverride);
        }
    }

    private static void requirePositive(String what, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + value);
        }
    }

    /** A scenario with η linked to the bounds. */
    public static Scenario linked(NetworkProfile network, double upMbps, double downMbps, boolean weightsCached,
                                  double tMaxMs, double eMaxJ) {
        return new Scenario(network, upMbps, downMbps, weightsCached, tMaxMs, eMaxJ, null);
    }

    /** The effective η in ms/J: the override, else {@code T_max / E_max}. */
    public double eta() {
        return etaOverride != null ? etaOverride : tMaxMs / eMaxJ;
    }

    public boolean etaLinked() {
        return etaOverride == null;
    }

    public Scenario withNetwork(NetworkProfile value) {
        return new Scenario(value, upMbps, downMbps, weightsCached, tMaxMs, eMaxJ, etaOverride);
    }

    public Scenario withUpMbps(double value) {
        return new Scenario(network, value, downMbps, weightsCached, tMaxMs, eMaxJ, etaOverride);
    }

    public Scenario withDownMbps(double value) {
        return new Scenario(network, upMbps, value, weightsCached, tMaxMs, eMaxJ, etaOverride);
    }

    public Scenario withWeightsCached(boolean value) {
        return new Scenario(network, upMbps, downMbps, value, tMaxMs, eMaxJ, etaOverride);
    }

    public Scenario withTMaxMs(double value) {
        return new Scenario(network, upMbps, downMbps, weightsCached, value, eMaxJ, etaOverride);
    }

    public Scenario withEMaxJ(double value) {
        return new Scenario(network, upMbps, downMbps, weightsCached, tMaxMs, value, etaOverride);
    }

    /** Unlinks η from the bounds and sets it. */
    public Scenario withEta(double value) {
        return new Scenario(network, upMbps, downMbps, weightsCached, tMaxMs, eMaxJ, value);
    }

    /** Links η to the bounds again ({@code T_max / E_max}). */
    public Scenario withEtaLinked() {
        return new Scenario(network, upMbps, downMbps, weightsCached, tMaxMs, eMaxJ, null);
    }
}
