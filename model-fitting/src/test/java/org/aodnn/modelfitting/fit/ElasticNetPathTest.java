package org.aodnn.modelfitting.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CV sweep's coordinate descent minimises the same objective as Smile's ElasticNet. */
class ElasticNetPathTest {

    @Test
    void coordinateDescentAgreesWithSmileOnTheSameProblem() {
        Random r = new Random(7);
        int n = 300;
        int p = 6;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian() * (j + 1) + j;
            }
            x[i][5] = x[i][0] * 0.8 + 0.2 * r.nextGaussian(); // correlated column
            y[i] = 3 + 2 * x[i][0] - 0.5 * x[i][2] + 0.1 * x[i][4] + 0.3 * r.nextGaussian();
        }
        GramStats s = new GramStats(p);
        for (int i = 0; i < n; i++) {
            s.add(x[i], y[i]);
        }
        double lambda2 = 0.01 * (n - 1);
        double lambda1 = 1e-3 * ElasticNetPath.lambda1Max(s, lambda2);
        ElasticNetPath.Solution cd = ElasticNetPath.solve(s, lambda2, new double[] {lambda1})[0];
        ElasticNetPath.Solution smile = SmileElasticNet.fit(x, y, lambda1, lambda2);
        // Smile's interior-point method stops at a relative duality gap of 1e-4, so the two agree to about
        // a percent on predictions and on the well-determined coefficients, not to machine precision.
        double ySpread = 0;
        for (double v : y) {
            ySpread = Math.max(ySpread, Math.abs(v - 3));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(smile.predict(x[i]), cd.predict(x[i]), 0.02 * ySpread);
        }
        for (int j : new int[] {0, 2}) {
            assertEquals(smile.w()[j], cd.w()[j], 0.03 * Math.abs(smile.w()[j]), "coefficient " + j);
        }
    }

    @Test
    void lambda1MaxZeroesEveryCoefficient() {
        Random r = new Random(3);
        GramStats s = new GramStats(3);
        for (int i = 0; i < 50; i++) {
            double[] row = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            s.add(row, row[0] - row[1] + r.nextGaussian());
        }
        double max = ElasticNetPath.lambda1Max(s, 0.5);
        ElasticNetPath.Solution at = ElasticNetPath.solve(s, 0.5, new double[] {max * 1.0001})[0];
        ElasticNetPath.Solution below = ElasticNetPath.solve(s, 0.5, new double[] {max * 0.5})[0];
        for (double w : at.w()) {
            assertEquals(0.0, w, 0.0);
        }
        assertEquals(true, java.util.Arrays.stream(below.w()).anyMatch(w -> w != 0));
    }
}
