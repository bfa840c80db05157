package org.aodnn.profilinglab.adb.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns power samples into energy per layer. Power between two samples is taken as the straight line between
 * them (trapezoid rule), also across a window's edges, so a window shorter than the sample spacing still
 * gets the energy of the power level around it. The idle baseline (the phone doing nothing but running the
 * browser page, measured before the run) is subtracted, leaving the energy the layer's work added.
 */
public final class EnergyAttribution {

    /** A clock drop larger than this within a window marks the layer as throttled. */
    public static final double THROTTLE_DROP = 0.15;

    private EnergyAttribution() {
    }

    /** Mean power of the idle samples, in mW. */
    public static double baselineMw(List<PowerReading> idle) {
        if (idle.isEmpty()) {
            throw new IllegalArgumentException("no idle samples to measure the baseline from");
        }
        if (idle.size() == 1) {
            return idle.get(0).powerMw();
        }
        List<PowerReading> s = sorted(idle);
        double span = (s.get(s.size() - 1).deviceTimeUs() - s.get(0).deviceTimeUs()) / 1e6;
        if (span <= 0) {
            return s.stream().mapToDouble(PowerReading::powerMw).average().orElseThrow();
        }
        return integrateMj(s, s.get(0).deviceTimeUs(), s.get(s.size() - 1).deviceTimeUs()) / span;
    }

    public static List<LayerEnergy> attribute(List<PowerReading> samples, double baselineMw, List<LayerWindow> windows) {
        List<PowerReading> s = sorted(samples);
        List<LayerEnergy> out = new ArrayList<>();
        for (LayerWindow w : windows) {
            boolean covered = !s.isEmpty() && s.get(0).deviceTimeUs() <= w.startUs()
                    && s.get(s.size() - 1).deviceTimeUs() >= w.endUs();
            Double energy = null;
            Double perRun = null;
            if (covered) {
                double seconds = (w.endUs() - w.startUs()) / 1e6;
                energy = integrateMj(s, w.startUs(), w.endUs()) - baselineMw * seconds;
                perRun = energy / w.runs();
            }
            long[] freqs = windowFreqs(s, w);
            int inside = (int) s.stream().filter(p -> p.deviceTimeUs() >= w.startUs() && p.deviceTimeUs() <= w.endUs())
                    .count();
            Long median = null;
            boolean throttled = false;
            if (freqs.length > 0) {
                long[] sortedF = freqs.clone();
                Arrays.sort(sortedF);
                median = sortedF[sortedF.length / 2];
                long max = sortedF[sortedF.length - 1];
                long min = sortedF[0];
                throttled = max > 0 && min < (1 - THROTTLE_DROP) * max;
            }
            out.add(new LayerEnergy(w, energy, perRun, inside, median, throttled));
        }
        return out;
    }

    /** The fastest cluster's clock at the samples inside the window plus the last one before it. */
    private static long[] windowFreqs(List<PowerReading> s, LayerWindow w) {
        List<Long> f = new ArrayList<>();
        PowerReading before = null;
        for (PowerReading p : s) {
            if (p.deviceTimeUs() < w.startUs()) {
                before = p;
            } else if (p.deviceTimeUs() <= w.endUs()) {
                f.add(p.maxFreqKhz());
            }
        }
        if (before != null) {
            f.add(before.maxFreqKhz());
        }
        return f.stream().filter(x -> x > 0).mapToLong(Long::longValue).toArray();
    }

    /** ∫ P dt over [from, to] in mJ, P linear between samples (which must cover the interval). */
    static double integrateMj(List<PowerReading> s, long from, long to) {
        double mj = 0;
        for (int i = 0; i + 1 < s.size(); i++) {
            PowerReading a = s.get(i);
            PowerReading b = s.get(i + 1);
            long lo = Math.max(from, a.deviceTimeUs());
            long hi = Math.min(to, b.deviceTimeUs());
            if (hi <= lo) {
                continue;
            }
            double pl = interpolate(a, b, lo);
            double ph = interpolate(a, b, hi);
            mj += (pl + ph) / 2 * (hi - lo) / 1e6;
        }
        return mj;
    }

    private static double interpolate(PowerReading a, PowerReading b, long t) {
        long span = b.deviceTimeUs() - a.deviceTimeUs();
        if (span == 0) {
            return (a.powerMw() + b.powerMw()) / 2;
        }
        double x = (double) (t - a.deviceTimeUs()) / span;
        return a.powerMw() + x * (b.powerMw() - a.powerMw());
    }

    private static List<PowerReading> sorted(List<PowerReading> s) {
        List<PowerReading> c = new ArrayList<>(s);
        c.sort(Comparator.comparingLong(PowerReading::deviceTimeUs));
        return c;
    }
}
