package org.aodnn.policyeditor.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.ToyModels;
import org.junit.jupiter.api.Test;

/**
 * Random inputs against a brute force written straight from the formulas of issue 3 (no prefix sums): the
 * chosen k must be the brute-force argmin over the feasible cuts (ties to the smaller k), else the least
 * violating cut; the baselines and T, E must agree too. Latencies and energies are multiples of 1/16 and
 * 1/1024 so sums are exact in any order, and zero-cost layers create exact ties.
 */
class PropertySolverTest {

    private static final int CASES = 3000;

    @Test
    void chosenCutIsTheBruteForceArgminOverFeasibleCuts() {
        Random random = new Random(20261126L);
        int infeasible = 0;
        int ties = 0;
        for (int trial = 0; trial < CASES; trial++) {
            Case c = randomCase(random);
            PartitionProblem problem = PartitionProblem.of(c.inputs);
            Brute brute = brute(c);
            String where = "trial " + trial + " " + c.scenario;
            Evaluation ev = problem.evaluate(c.scenario);
            assertEquals(brute.chosenK, ev.chosen().k(), where);
            assertEquals(brute.feasible, ev.feasible(), where);
            Decision d = problem.decide(c.scenario);
            assertEquals(brute.chosenK, d.k(), where);
            assertEquals(ev.chosen().tMs(), d.tMs(), 0.0, where);
            assertEquals(brute.neuroL, ev.baselines().neuroL().k(), where);
            assertEquals(brute.neuroE, ev.baselines().neuroE().k(), where);
            assertEquals(brute.ks.size(), ev.cuts().size(), where);
            for (int i = 0; i < brute.ks.size(); i++) {
                CutResult r = ev.cuts().get(i);
                assertEquals(brute.ks.get(i), r.k(), where);
                assertEquals(brute.t.get(i), r.tMs(), 1e-9 * Math.max(1, brute.t.get(i)), where);
                assertEquals(brute.e.get(i), r.eJ(), 1e-9 * Math.max(1, brute.e.get(i)), where);
            }
            BandwidthSweep sweep = problem.sweepUplink(c.scenario, new double[] {c.scenario.upMbps()});
            assertEquals(brute.chosenK, sweep.k(0), where);
            infeasible += brute.feasible ? 0 : 1;
            ties += brute.tied ? 1 : 0;
        }
        // The generator must exercise every branch, or the test proves little.
        assertEquals(true, infeasible > CASES / 20, "infeasible cases: " + infeasible);
        assertEquals(true, ties > CASES / 50, "cases whose optimum is tied: " + ties);
    }

    private record Case(DnnModel model, double[] tw, double[] te, double[] ew, PartitionInputs inputs,
                        Scenario scenario) {
    }

    private static Case randomCase(Random r) {
        int n = 1 + r.nextInt(40);
        ToyModels builder = ToyModels.model("random").inputElems(1 + r.nextInt(200_000));
        double[] tw = new double[n];
        double[] te = new double[n];
        double[] ew = new double[n];
        long previousCrossing = 1 + r.nextInt(100_000);
        for (int i = 0; i < n; i++) {
            boolean zeroCost = i > 0 && r.nextInt(5) == 0;
            boolean cut = r.nextInt(4) != 0;
            long crossing = zeroCost ? previousCrossing : 1 + r.nextInt(100_000);
            long params = zeroCost || r.nextBoolean() ? 0 : r.nextInt(3_000_000);
            builder.layer("l" + i, params, cut, cut ? crossing : 0);
            if (!zeroCost) {
                tw[i] = r.nextInt(8000) / 16.0;
                te[i] = r.nextInt(400) / 16.0;
                ew[i] = r.nextInt(2000) / 1024.0;
            }
            previousCrossing = crossing;
        }
        DnnModel model = builder.build();
        MobileEnergy energy = r.nextInt(3) == 0 ? new MobileEnergy.ComputePower(r.nextInt(5000))
                : new MobileEnergy.Measured(new LayerValues("ew", ew));
        double[] ewUsed = energy.perLayerJoules(tw);
        Long inputBytes = r.nextInt(4) == 0 ? (long) (1 + r.nextInt(1_000_000)) : null;
        PartitionInputs inputs = PartitionInputs.of(model, new LayerValues("tw", tw), new LayerValues("te", te),
                energy, inputBytes);
        NetworkProfile net = r.nextInt(4) == 0
                ? new NetworkProfile("custom", r.nextDouble() * 1000, r.nextDouble() * 200, r.nextDouble() * 1500)
                : NetworkProfile.defaults().get(r.nextInt(3));
        double up = Math.exp(r.nextDouble() * Math.log(100));
        double down = Math.exp(r.nextDouble() * Math.log(200));
        boolean cached = r.nextBoolean();
        // Bounds around the spread of this case's T and E, so some cases are infeasible and many partly so.
        Scenario probe = Scenario.linked(net, up, down, cached, 1, 1);
        Brute b = brute(new Case(model, tw, te, ewUsed, inputs, probe));
        double tMax = quantile(b.t, r.nextDouble()) * (0.8 + 0.5 * r.nextDouble()) + 1e-6;
        double eMax = quantile(b.e, r.nextDouble()) * (0.8 + 0.5 * r.nextDouble()) + 1e-9;
        Double eta = switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> 0.0;
            default -> r.nextDouble() * 10 * tMax / eMax;
        };
        return new Case(model, tw, te, ewUsed, inputs, new Scenario(net, up, down, cached, tMax, eMax, eta));
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private record Brute(List<Integer> ks, List<Double> t, List<Double> e, int chosenK, boolean feasible,
                         boolean tied, int neuroL, int neuroE) {
    }

    /** T(k), E(k) and the choice, straight from the formulas. */
    private static Brute brute(Case c) {
        Scenario s = c.scenario;
        int n = c.model.layers().size();
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            if (k == 0 || k == n || c.model.layers().get(k - 1).cutAfter()) {
                ks.add(k);
            }
        }
        double pu = s.network().alphaUpMwPerMbps() * s.upMbps() + s.network().betaMw();
        double pd = s.network().alphaDownMwPerMbps() * s.downMbps() + s.network().betaMw();
        List<Double> ts = new ArrayList<>();
        List<Double> es = new ArrayList<>();
        List<Double> objectives = new ArrayList<>();
        int neuroL = -1;
        double neuroLBest = 0;
        int neuroE = -1;
        double neuroEBest = 0;
        for (int k : ks) {
            double twSum = 0;
            double ewSum = 0;
            long w = 0;
            for (int i = 0; i < k; i++) {
                twSum += c.tw[i];
                ewSum += c.ew[i];
                w += 4 * c.model.layers().get(i).geometry().params();
            }
            double teSum = 0;
            for (int i = k; i < n; i++) {
                teSum += c.te[i];
            }
            long d = k == 0 ? c.inputs.inputBytes() : 4 * c.model.layers().get(k - 1).crossingElems();
            double tLoad = k == 0 || s.weightsCached() ? 0 : 8.0 * w / (s.downMbps() * 1e6);
            double tUp = k == n ? 0 : 8.0 * d / (s.upMbps() * 1e6);
            double t = twSum + teSum + 1000 * (tLoad + tUp);
            double e = ewSum + (pd * tLoad + pu * tUp) / 1000;
            ts.add(t);
            es.add(e);
            objectives.add(t + s.eta() * e);
            double noLoadT = twSum + teSum + 1000 * tUp;
            if (neuroL < 0 || noLoadT < neuroLBest) {
                neuroL = k;
                neuroLBest = noLoadT;
            }
            double noLoadE = ewSum + pu * tUp / 1000;
            if (neuroE < 0 || noLoadE < neuroEBest) {
                neuroE = k;
                neuroEBest = noLoadE;
            }
        }
        int best = -1;
        boolean tied = false;
        for (int i = 0; i < ks.size(); i++) {
            if (ts.get(i) < s.tMaxMs() && es.get(i) < s.eMaxJ()) {
                if (best < 0 || objectives.get(i) < objectives.get(best)) {
                    best = i;
                    tied = false;
                } else if (objectives.get(i).equals(objectives.get(best))) {
                    tied = true;
                }
            }
        }
        boolean feasible = best >= 0;
        if (!feasible) {
            for (int i = 0; i < ks.size(); i++) {
                double v = Math.max(0, ts.get(i) / s.tMaxMs() - 1) + Math.max(0, es.get(i) / s.eMaxJ() - 1);
                double vb = best < 0 ? Double.POSITIVE_INFINITY
                        : Math.max(0, ts.get(best) / s.tMaxMs() - 1) + Math.max(0, es.get(best) / s.eMaxJ() - 1);
                if (v < vb || (v == vb && objectives.get(i) < objectives.get(best))) {
                    best = i;
                }
            }
        }
        return new Brute(ks, ts, es, ks.get(best), feasible, tied, neuroL, neuroE);
    }
}
