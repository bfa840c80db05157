package org.aodnn.policyeditor.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.ToyModels;
import org.junit.jupiter.api.Test;

/**
 * The solver against cases worked out by hand from the formulas of issue 3.
 *
 * <p>Toy model: conv (tw 10, te 1 ms, 1000 params, cut after, 500 elems cross), relu (tw 20, te 2, no cut),
 * fc (tw 5, te 1, 250 params, cut after); input 1000 elems. Valid cuts k = 0, 1, 3. Network "test":
 * α_u 100, α_d 50, β 10 mW; P_compute 1000 mW, so ew = tw/1000 J. Bytes: D_0 = 4000, D_1 = 2000,
 * W_1 = 4000, W_3 = 5000.
 */
class HandComputedSolverTest {

    private static final double EPS = 1e-9;
    private static final NetworkProfile NET = new NetworkProfile("test", 100, 50, 10);
    private static final DnnModel TOY = ToyModels.model("toy").inputElems(1000)
            .layer("conv", 1000, true, 500)
            .layer("relu", 0, false, 0)
            .layer("fc", 250, true, 10)
            .build();

    private static PartitionProblem toy() {
        return PartitionProblem.of(PartitionInputs.of(TOY, new LayerValues("tw", new double[] {10, 20, 5}),
                new LayerValues("te", new double[] {1, 2, 1}), new MobileEnergy.ComputePower(1000), null));
    }

    @Test
    void validCutsAreZeroNAndAfterEveryCuttableLayer() {
        PartitionProblem p = toy();
        assertArrayEquals(new int[] {0, 1, 3}, p.cutKs());
        assertNull(p.afterLayer(0));
        assertEquals("conv", p.afterLayer(1));
        assertEquals("fc", p.afterLayer(2));
        assertEquals(-1, p.indexOfK(2));
    }

    @Test
    void fastUplinkEdgeOnlyWinsAndEveryPartIsAsComputedByHand() {
        // up 8, down 16: P_u = P_d = 810 mW.
        // k=0: up 8·4000/8e6 = 4 ms; T = 4 + 4 = 8; E = 810·0.004/1000 = 0.00324.
        // k=1: load 8·4000/16e6 = 2 ms, up 8·2000/8e6 = 2 ms; T = 10 + 3 + 4 = 17; E = 0.01 + 0.00324 = 0.01324.
        // k=3: load 8·5000/16e6 = 2.5 ms; T = 35 + 2.5 = 37.5; E = 0.035 + 0.002025 = 0.037025.
        Evaluation ev = toy().evaluate(Scenario.linked(NET, 8, 16, false, 100, 1));
        assertEquals(100, ev.eta(), EPS);
        List<CutResult> cuts = ev.cuts();
        assertEquals(8, cuts.get(0).tMs(), EPS);
        assertEquals(0.00324, cuts.get(0).eJ(), EPS);
        assertEquals(17, cuts.get(1).tMs(), EPS);
        assertEquals(0.01324, cuts.get(1).eJ(), EPS);
        assertEquals(37.5, cuts.get(2).tMs(), EPS);
        assertEquals(0.037025, cuts.get(2).eJ(), EPS);
        assertEquals(8 + 100 * 0.00324, cuts.get(0).objective(), EPS);

        CostParts k1 = cuts.get(1).parts();
        assertEquals(10, k1.twMs(), EPS);
        assertEquals(3, k1.teMs(), EPS);
        assertEquals(2, k1.loadMs(), EPS);
        assertEquals(2, k1.upMs(), EPS);
        assertEquals(0.01, k1.ewJ(), EPS);
        assertEquals(810 * 0.002 / 1000, k1.loadJ(), EPS);
        assertEquals(810 * 0.002 / 1000, k1.upJ(), EPS);
        CostParts kN = cuts.get(2).parts();
        assertEquals(0, kN.upMs(), 0.0, "nothing is uploaded when all layers run in the browser");
        assertEquals(0, kN.teMs(), 0.0);
        assertEquals(0, cuts.get(0).parts().loadMs(), 0.0, "k = 0 loads no weights");

        assertTrue(ev.feasible());
        assertEquals(0, ev.chosen().k(), "k = 0 (edge-only) is chosen");
        assertEquals(List.of(0), ev.paretoFront().stream().map(CutResult::k).toList(),
                "k = 0 is better on both T and E than every other cut");
        Decision d = toy().decide(Scenario.linked(NET, 8, 16, false, 100, 1));
        assertEquals(0, d.k());
        assertEquals(8, d.tMs(), EPS);
    }

    /** Slow uplink 0.5 Mbit/s: P_u = 60 mW; k=0 T 68, E 0.00384; k=1 T 47, E 0.01354; k=3 T 37.5, E 0.037025. */
    private static Scenario slowUplink(double eta) {
        return new Scenario(NET, 0.5, 16, false, 100, 1, eta);
    }

    @Test
    void etaTradesLatencyAgainstEnergy() {
        // η = 100: objectives 68.384, 48.354, 41.2025 -> k = 3 = N (local-only).
        Evaluation fast = toy().evaluate(slowUplink(100));
        assertEquals(3, fast.chosen().k());
        assertEquals(41.2025, fast.chosen().objective(), EPS);
        // η = 1000: 71.84, 60.54, 74.525 -> k = 1.
        Evaluation green = toy().evaluate(slowUplink(1000));
        assertEquals(1, green.chosen().k());
        assertEquals(60.54, green.chosen().objective(), EPS);
        assertEquals(List.of(3, 1, 0), fast.paretoFront().stream().map(CutResult::k).toList(),
                "no cut dominates another: the front is every cut by ascending T");
    }

    @Test
    void energyBoundExcludesTheBestObjective() {
        // E_max 0.03 makes k = 3 (E 0.037025) infeasible; of k = 0 (68.384) and k = 1 (48.354 with η 100) k = 1 wins.
        Evaluation ev = toy().evaluate(new Scenario(NET, 0.5, 16, false, 100, 0.03, 100.0));
        assertTrue(ev.feasible());
        assertEquals(1, ev.chosen().k());
        assertFalse(ev.cuts().get(2).feasible());
    }

    @Test
    void boundsAreStrict() {
        // Cached weights, k = N: T = 35 ms and E = 0.875 J exactly (no loading, no upload, measured energy).
        PartitionProblem p = PartitionProblem.of(PartitionInputs.of(TOY, new LayerValues("tw", new double[] {10, 20, 5}),
                new LayerValues("te", new double[] {1, 2, 1}),
                new MobileEnergy.Measured(new LayerValues("ew", new double[] {0.5, 0.25, 0.125})), null));
        CutResult atBound = p.evaluate(new Scenario(NET, 8, 16, true, 35, 10, 0.0)).cuts().get(2);
        assertEquals(35, atBound.tMs(), 0.0);
        assertFalse(atBound.feasible(), "T = T_max is not < T_max");
        assertTrue(p.evaluate(new Scenario(NET, 8, 16, true, 35.000001, 10, 0.0)).cuts().get(2).feasible());
        assertFalse(p.evaluate(new Scenario(NET, 8, 16, true, 100, 0.875, 0.0)).cuts().get(2).feasible(),
                "E = E_max is not < E_max");
    }

    @Test
    void infeasibleBoundsGiveTheLeastViolatingCut() {
        // T_max 30, E_max 0.01 at up 0.5: v(0) = 68/30 − 1 = 1.267; v(1) = 47/30 − 1 + 0.01354/0.01 − 1 = 0.921;
        // v(3) = 37.5/30 − 1 + 0.037025/0.01 − 1 = 2.9525 -> k = 1, feasible false.
        Evaluation ev = toy().evaluate(new Scenario(NET, 0.5, 16, false, 30, 0.01, null));
        assertFalse(ev.feasible());
        assertEquals(1, ev.chosen().k());
        assertTrue(ev.cuts().stream().noneMatch(CutResult::feasible));
        Decision d = toy().decide(new Scenario(NET, 0.5, 16, false, 30, 0.01, null));
        assertFalse(d.feasible());
        assertEquals(1, d.k());
        assertEquals(0.9206666666666667, PartitionProblem.violation(47, 0.01354, 30, 0.01), EPS);
    }

    @Test
    void cachedWeightsRemoveLoadingAndChangeTheChoice() {
        // η = 420: uncached k=1 52.6868 < k=3 53.0505; cached (no loading) k=1 45 + 5.0064 > k=3 35 + 14.7.
        assertEquals(1, toy().evaluate(slowUplink(420)).chosen().k());
        Evaluation cached = toy().evaluate(slowUplink(420).withWeightsCached(true));
        assertEquals(3, cached.chosen().k(), "cached weights make local-only (k = N) the best");
        assertEquals(49.7, cached.chosen().objective(), EPS);
        assertEquals(35, cached.chosen().tMs(), EPS);
        assertEquals(0.035, cached.chosen().eJ(), EPS);
        assertEquals(0, cached.chosen().parts().loadMs(), 0.0);
        assertEquals(0, cached.chosen().parts().loadJ(), 0.0);
    }

    @Test
    void baselinesFollowThePaper() {
        Evaluation ev = toy().evaluate(slowUplink(420));
        assertEquals(0, ev.baselines().edgeOnly().k());
        assertEquals(3, ev.baselines().localOnly().k());
        // Without loading: T 68, 45, 35 -> Neuro-L k = 3; E 0.00384, 0.01192, 0.035 -> Neuro-E k = 0.
        assertEquals(3, ev.baselines().neuroL().k());
        assertEquals(0, ev.baselines().neuroE().k());
        Gain overEdge = ev.gainOver(Baseline.EDGE_ONLY);
        assertEquals(68.0 / 47.0, overEdge.latencyFactor(), EPS);
        assertEquals(21, overEdge.latencySavedMs(), EPS);
    }

    @Test
    void tiesGoToTheSmallerK() {
        // An identity layer with the same crossing size after conv: cuts k = 1 and k = 2 cost exactly the same.
        // η 1000 at 0.5 Mbit/s: k=0 66 + 3.84, k=1 = k=2 45 + 13.54, k=3 62.5 + 62.025 -> the tie k = 1, 2 wins.
        DnnModel tied = ToyModels.model("tied").inputElems(1000)
                .layer("conv", 1000, true, 500)
                .layer("identity", 0, true, 500)
                .layer("fc", 250, true, 10)
                .build();
        PartitionProblem p = PartitionProblem.of(PartitionInputs.of(tied, new LayerValues("tw", new double[] {10, 0, 50}),
                new LayerValues("te", new double[] {1, 0, 1}), new MobileEnergy.ComputePower(1000), null));
        Evaluation ev = p.evaluate(slowUplink(1000));
        assertEquals(ev.cuts().get(1).objective(), ev.cuts().get(2).objective(), 0.0);
        assertEquals(1, ev.chosen().k());
        assertEquals(1, p.decide(slowUplink(1000)).k());
        assertEquals(ev.chosen().k(), p.sweepUplink(slowUplink(1000), new double[] {0.5}).k(0));
    }

    @Test
    void inputBytesOverrideChangesOnlyTheEdgeOnlyUpload() {
        PartitionProblem p = PartitionProblem.of(PartitionInputs.of(TOY, new LayerValues("tw", new double[] {10, 20, 5}),
                new LayerValues("te", new double[] {1, 2, 1}), new MobileEnergy.ComputePower(1000), 400L));
        Evaluation ev = p.evaluate(Scenario.linked(NET, 8, 16, false, 100, 1));
        assertEquals(4 + 0.4, ev.cuts().get(0).tMs(), EPS);
        assertEquals(17, ev.cuts().get(1).tMs(), EPS);
    }

    @Test
    void measuredEnergyReplacesComputePower() {
        PartitionProblem p = PartitionProblem.of(PartitionInputs.of(TOY, new LayerValues("tw", new double[] {10, 20, 5}),
                new LayerValues("te", new double[] {1, 2, 1}),
                new MobileEnergy.Measured(new LayerValues("ew", new double[] {0.5, 0.25, 0.125})), null));
        Evaluation ev = p.evaluate(Scenario.linked(NET, 8, 16, true, 100, 10));
        assertEquals(0.5, ev.cuts().get(1).parts().ewJ(), EPS);
        assertEquals(0.875, ev.cuts().get(2).eJ(), EPS, "k = N, cached: only compute energy");
    }

    @Test
    void sweepGivesTheDecisionAtEachUplinkBandwidth() {
        // η 420: at 0.5 Mbit/s k = 1 (above); at 8 Mbit/s objectives 9.3608, 22.5608, 53.0505 -> k = 0.
        BandwidthSweep sweep = toy().sweepUplink(slowUplink(420), new double[] {0.5, 8});
        assertEquals(1, sweep.k(0));
        assertEquals(0, sweep.k(1));
        assertEquals(8, sweep.tMs(1), EPS);
        assertEquals(0.00324, sweep.eJ(1), EPS);
        assertThrows(IllegalArgumentException.class, () -> toy().sweepUplink(slowUplink(420), new double[] {0}));
    }

    @Test
    void logSpacedPointsSpanTheRange() {
        double[] points = BandwidthSweep.logSpaced(1, 100, 3);
        assertArrayEquals(new double[] {1, 10, 100}, points, 1e-12);
        assertEquals(1000, BandwidthSweep.logSpaced(1, 100, 1000).length);
        assertThrows(IllegalArgumentException.class, () -> BandwidthSweep.logSpaced(0, 100, 10));
    }

    @Test
    void tableOneProfilesAndScenarioValidation() {
        assertEquals(NetworkProfile.THREE_G, NetworkProfile.byName("3G"));
        assertEquals(868.98, NetworkProfile.byName("3g").alphaUpMwPerMbps());
        assertEquals(51.97, NetworkProfile.byName("4g").alphaDownMwPerMbps());
        assertEquals(132.86, NetworkProfile.byName("wifi").betaMw());
        assertEquals(283.17 * 40 + 132.86, NetworkProfile.WIFI.uplinkPowerMw(40), EPS);
        assertEquals(1.0, NetworkProfile.WIFI.withBeta(1.0).betaMw());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkProfile.byName("5g"));
        assertTrue(e.getMessage().contains("5g"));
        assertThrows(IllegalArgumentException.class, () -> Scenario.linked(NET, 0, 1, false, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Scenario.linked(NET, 1, 1, false, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Scenario(NET, 1, 1, false, 1, 1, -0.5));
        Scenario s = Scenario.linked(NET, 1, 1, false, 200, 8);
        assertEquals(25, s.eta(), EPS);
        assertEquals(3, s.withEta(3).eta(), EPS);
        assertTrue(s.withEta(3).withEtaLinked().etaLinked());
    }

    @Test
    void sourcesMustCoverEveryLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionInputs.of(TOY,
                new LayerValues("mobile.csv", new double[] {1, 2}), new LayerValues("te", new double[] {1, 2, 1}),
                new MobileEnergy.ComputePower(1), null));
        assertTrue(e.getMessage().contains("mobile.csv"), e.getMessage());
    }
}
