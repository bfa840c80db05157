package org.aodnn.policyeditor.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The partition problem of one model with fixed per-layer inputs (paper §II.C, Eq. 5–9), prepared for fast
 * repeated decisions: per valid cut, the prefix sums of browser latency, compute energy and weight bytes,
 * the suffix sum of edge latency and the crossing bytes are computed once here, so a decision under a new
 * {@link Scenario} (bandwidths, network profile, cache, bounds, η) costs O(number of cuts).
 *
 * <p>For a cut of k browser layers, with bandwidths B in Mbit/s (10^6 bit/s) and radio powers P in mW:
 * <pre>
 *   t_load(k) = 8·Σ_{i≤k} w_i / B_down  (s; 0 when k = 0 or the weights are cached)
 *   t_up(k)   = 8·D_k / B_up            (s; 0 when k = N)
 *   T(k) = Σ_{i≤k} tw_i + Σ_{i>k} te_i + 1000·(t_load + t_up)          (ms)
 *   E(k) = Σ_{i≤k} ew_i + (P_d·t_load + P_u·t_up) / 1000               (J)
 * </pre>
 * The chosen cut minimises {@code T + η·E} over the cuts with {@code T < T_max} and {@code E < E_max}
 * (strict); on equal objectives the smaller k wins.
 *
 * <p>When no cut is feasible, the chosen cut is the <em>least violating</em> one: the cut with the smallest
 * total relative excess over the bounds, {@code v(k) = max(0, T/T_max − 1) + max(0, E/E_max − 1)} (both
 * bounds weigh the same per cent of overshoot, whatever their units); equal v goes to the smaller
 * objective, then the smaller k. The decision then reports {@code feasible = false}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class PartitionProblem {

    private final PartitionInputs inputs;
    private final int[] k;
    private final String[] afterLayer;
    private final double[] twMs;
    private final double[] teMs;
    private final double[] ewJ;
    private final double[] loadBytes;
    private final double[] upBytes;

    private PartitionProblem(PartitionInputs inputs) {
        this.inputs = inputs;
        List<LayerCost> layers = inputs.layers();
        int n = layers.size();
        this.k = PartitionInputs.validCuts(layers);
        int cuts = k.length;
        this.afterLayer = new String[cuts];
        this.twMs = new double[cuts];
        this.teMs = new double[cuts];
        this.ewJ = new double[cuts];
        this.loadBytes = new double[cuts];
        this.upBytes = new double[cuts];

        // Prefix sums over layers 1..k and the suffix sum of edge latency over layers k+1..N, indexed by k.
        double[] twPrefix = new double[n + 1];
        double[] ewPrefix = new double[n + 1];
        long[] wPrefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            LayerCost layer = layers.get(i);
            twPrefix[i + 1] = twPrefix[i] + layer.twMs();
            ewPrefix[i + 1] = ewPrefix[i] + layer.ewJ();
            wPrefix[i + 1] = Math.addExact(wPrefix[i], layer.weightBytes());
        }
        double[] teSuffix = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            teSuffix[i] = teSuffix[i + 1] + layers.get(i).teMs();
        }
        for (int c = 0; c < cuts; c++) {
            int kc = k[c];
            afterLayer[c] = kc == 0 ? null : layers.get(kc - 1).layerName();
            twMs[c] = twPrefix[kc];
            teMs[c] = teSuffix[kc];
            ewJ[c] = ewPrefix[kc];
            loadBytes[c] = wPrefix[kc];
            // D_0 is the input; D_k the tensor after layer k; nothing is uploaded when all runs locally.
            upBytes[c] = kc == n ? 0 : kc == 0 ? inputs.inputBytes() : layers.get(kc - 1).crossingBytes();
        }
    }

    /** Computes the prefix sums of {@code inputs} (O(N)). */
    public static PartitionProblem of(PartitionInputs inputs) {
        return new PartitionProblem(inputs);
    }

    public PartitionInputs inputs() {
        return inputs;
    }

    public String model() {
        return inputs.model();
    }

    /** N, the number of layers. */
    public int layerCount() {
        return inputs.layerCount();
    }

    /** The number of valid cuts. */
    public int cutCount() {
        return k.length;
    }

    /** k of the valid cut at {@code index} (ascending with the index). */
    public int cutK(int index) {
        return k[index];
    }

    /** The valid cuts' k values, ascending. */
    public int[] cutKs() {
        return k.clone();
    }

    /** The name of the last browser layer of the cut at {@code index}; null for k = 0. */
    public String afterLayer(int index) {
        return afterLayer[index];
    }

    /** The position of cut {@code k} among the valid cuts, or −1 when k is not a valid cut. */
    public int indexOfK(int kValue) {
        int i = java.util.Arrays.binarySearch(k, kValue);
        return i >= 0 ? i : -1;
    }

    /** The choice under {@code scenario}, O(cuts) and without per-cut allocation. */
    public Decision decide(Scenario scenario) {
        return decide(new Terms(scenario, scenario.upMbps()));
    }

    private Decision decide(Terms t) {
        Selector s = new Selector(t);
        for (int c = 0; c < k.length; c++) {
            double loadS = loadBytes[c] * t.loadSPerByte;
            double upS = upBytes[c] * t.upSPerByte;
            s.offer(c, time(c, loadS, upS), energy(c, loadS, upS, t));
        }
        int c = s.chosen();
        return new Decision(c, k[c], s.chosenT(), s.chosenE(), s.chosenObjective(), s.feasible());
    }

    /** Every valid cut under {@code scenario} with its parts, the chosen cut and the four baselines. */
    public Evaluation evaluate(Scenario scenario) {
        Terms t = new Terms(scenario, scenario.upMbps());
        Selector s = new Selector(t);
        List<CutResult> results = new ArrayList<>(k.length);
        int neuroL = 0;
        double neuroLBest = Double.POSITIVE_INFINITY;
        int neuroE = 0;
        double neuroEBest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k.length; c++) {
            double loadS = loadBytes[c] * t.loadSPerByte;
            double upS = upBytes[c] * t.upSPerByte;
            double time = time(c, loadS, upS);
            double energy = energy(c, loadS, upS, t);
            s.offer(c, time, energy);
            CostParts parts = new CostParts(twMs[c], teMs[c], 1000 * loadS, 1000 * upS, ewJ[c],
                    t.downPowerMw * loadS / 1000, t.upPowerMw * upS / 1000);
            results.add(new CutResult(c, k[c], afterLayer[c], time, energy, time + t.eta * energy,
                    time < t.tMax && energy < t.eMax, parts));
            double latencyNoLoad = twMs[c] + teMs[c] + 1000 * upS;
            if (latencyNoLoad < neuroLBest) {
                neuroLBest = latencyNoLoad;
                neuroL = c;
            }
            double energyNoLoad = ewJ[c] + t.upPowerMw * upS / 1000;
            if (energyNoLoad < neuroEBest) {
                neuroEBest = energyNoLoad;
                neuroE = c;
            }
        }
        Baselines baselines = new Baselines(results.get(0), results.get(k.length - 1), results.get(neuroL),
                results.get(neuroE));
        return new Evaluation(inputs.model(), t.scenario, t.eta, s.feasible(), results.get(s.chosen()), results,
                baselines);
    }

    /**
     * The decision at each uplink bandwidth in {@code upMbps} (for example {@link BandwidthSweep#logSpaced}),
     * everything else as in {@code scenario}; reuses the prefix sums, O(points × cuts).
     */
    public BandwidthSweep sweepUplink(Scenario scenario, double[] upMbps) {
        double[] points = upMbps.clone();
        Decision[] decisions = new Decision[points.length];
        for (int i = 0; i < points.length; i++) {
            if (!Double.isFinite(points[i]) || points[i] <= 0) {
                throw new IllegalArgumentException("uplink bandwidth " + points[i] + " at sweep point " + i
                        + " must be a finite number > 0");
            }
            decisions[i] = decide(new Terms(scenario, points[i]));
        }
        return new BandwidthSweep(points, decisions);
    }

    private double time(int c, double loadS, double upS) {
        return twMs[c] + teMs[c] + 1000 * (loadS + upS);
    }

    private double energy(int c, double loadS, double upS, Terms t) {
        return ewJ[c] + (t.downPowerMw * loadS + t.upPowerMw * upS) / 1000;
    }

    /** The relative excess over the bounds, 0 inside them; see the class comment. */
    static double violation(double tMs, double eJ, double tMax, double eMax) {
        return Math.max(0, tMs / tMax - 1) + Math.max(0, eJ / eMax - 1);
    }

    /** Scenario quantities that are the same for every cut. */
    private static final class Terms {
        final Scenario scenario;
        final double loadSPerByte;
        final double upSPerByte;
        final double upPowerMw;
        final double downPowerMw;
        final double eta;
        final double tMax;
        final double eMax;

        Terms(Scenario s, double upMbps) {
            this.scenario = s;
            this.loadSPerByte = s.weightsCached() ? 0 : 8 / (s.downMbps() * 1e6);
            this.upSPerByte = 8 / (upMbps * 1e6);
            this.upPowerMw = s.network().uplinkPowerMw(upMbps);
            this.downPowerMw = s.network().downlinkPowerMw(s.downMbps());
            this.eta = s.eta();
            this.tMax = s.tMaxMs();
            this.eMax = s.eMaxJ();
        }
    }

    /**
     * The selection rule, fed the cuts in ascending k: the feasible minimum of T + η·E (strict comparison,
     * so the first, smaller k keeps a tie), else the least violating cut.
     */
    private static final class Selector {
        private final Terms t;
        private int best = -1;
        private double bestObjective;
        private double bestT;
        private double bestE;
        private int least = -1;
        private double leastViolation;
        private double leastObjective;
        private double leastT;
        private double leastE;

        Selector(Terms t) {
            this.t = t;
        }

        void offer(int c, double time, double energy) {
            double objective = time + t.eta * energy;
            if (time < t.tMax && energy < t.eMax) {
                if (best < 0 || objective < bestObjective) {
                    best = c;
                    bestObjective = objective;
                    bestT = time;
                    bestE = energy;
                }
            } else if (best < 0) {
                double v = violation(time, energy, t.tMax, t.eMax);
                if (least < 0 || v < leastViolation || (v == leastViolation && objective < leastObjective)) {
                    least = c;
                    leastViolation = v;
                    leastObjective = objective;
                    leastT = time;
                    leastE = energy;
                }
            }
        }

        boolean feasible() {
            return best >= 0;
        }

        int chosen() {
            return best >= 0 ? best : least;
        }

        double chosenT() {
            return best >= 0 ? bestT : leastT;
        }

        double chosenE() {
            return best >= 0 ? bestE : leastE;
        }

        double chosenObjective() {
            return best >= 0 ? bestObjective : leastObjective;
        }
    }
}
