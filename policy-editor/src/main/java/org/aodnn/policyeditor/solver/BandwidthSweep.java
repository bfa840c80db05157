package org.aodnn.policyeditor.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The solver's decision at each of a series of uplink bandwidths, everything else as in the scenario
 * (the paper's Fig. 5). Column arrays, so a chart can read them without boxing.
 */
public final class BandwidthSweep {

    private final double[] upMbps;
    private final Decision[] decisions;

    BandwidthSweep(double[] upMbps, Decision[] decisions) {
        this.upMbps = upMbps;
        this.decisions = decisions;
    }

    /**
     * {@code n} log-spaced points from {@code fromMbps} to {@code toMbps} inclusive (for example 1 to 100):
     * point i is {@code from·(to/from)^(i/(n−1))}.
     */
    public static double[] logSpaced(double fromMbps, double toMbps, int n) {
        if (!(fromMbps > 0) || !(toMbps >= fromMbps) || !Double.isFinite(toMbps)) {
            throw new IllegalArgumentException("a log-spaced sweep needs 0 < from <= to, got " + fromMbps + " to "
                    + toMbps);
        }
        if (n < 1) {
            throw new IllegalArgumentException("a sweep needs at least one point, got " + n);
        }
        double[] points = new double[n];
        if (n == 1) {
            points[0] = fromMbps;
            return points;
        }
        double logFrom = Math.log(fromMbps);
        double step = (Math.log(toMbps) - logFrom) / (n - 1);
        for (int i = 0; i < n; i++) {
            points[i] = Math.exp(logFrom + step * i);
        }
        points[0] = fromMbps;
        points[n - 1] = toMbps;
        return points;
    }

    public int size() {
        return upMbps.length;
    }

    public double upMbps(int point) {
        return upMbps[point];
    }

    public Decision decision(int point) {
        return decisions[point];
    }

    public int k(int point) {
        return decisions[point].k();
    }

    public double tMs(int point) {
        return decisions[point].tMs();
    }

    public double eJ(int point) {
        return decisions[point].eJ();
    }

    public boolean feasible(int point) {
        return decisions[point].feasible();
    }

    public double[] upMbps() {
        return upMbps.clone();
    }

    public List<Decision> decisions() {
        return new ArrayList<>(List.of(decisions));
    }
}
