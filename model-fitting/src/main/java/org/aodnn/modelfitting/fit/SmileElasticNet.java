package org.aodnn.modelfitting.fit;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.ElasticNet;
import smile.regression.LinearModel;

/** The final fit of a unit with Smile's ElasticNet (Eq. 4) at the penalties CV chose. */
final class SmileElasticNet {

    private static final double TOLERANCE = 1e-4;
    private static final int MAX_ITERATIONS = 1000;

    private SmileElasticNet() {
    }

    static ElasticNetPath.Solution fit(double[][] design, double[] y, double lambda1, double lambda2) {
        int n = design.length;
        int p = design[0].length;
        double[][] data = new double[n][p + 1];
        String[] names = new String[p + 1];
        for (int j = 0; j < p; j++) {
            names[j] = "t" + j;
        }
        names[p] = "y";
        for (int i = 0; i < n; i++) {
            System.arraycopy(design[i], 0, data[i], 0, p);
            data[i][p] = y[i];
        }
        LinearModel model = ElasticNet.fit(Formula.lhs("y"), DataFrame.of(data, names), lambda1, lambda2,
                TOLERANCE, MAX_ITERATIONS);
        return new ElasticNetPath.Solution(model.intercept(), model.coefficients().clone());
    }
}
