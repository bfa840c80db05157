package org.aodnn.modelfitting.fit;

/**
 * Coordinate descent on the Gram matrix for exactly the objective Smile's {@code ElasticNet.fit} minimises
 * (the Zou-Hastie augmented LASSO on standardised columns, solved there by an interior-point method):
 * {@code ||Y - X2 w||^2 + lambda1 c ||w||_1} with {@code c = 1 / sqrt(1 + lambda2)}, X2 the scaled design
 * padded with {@code c sqrt(lambda2) I}, and Y the padded target centred over all n + p rows. Used to sweep
 * the CV grid quickly (every penalty from one Gram matrix, warm starts); the published coefficients come
 * from Smile itself ({@link SmileElasticNet}).
 */
final class ElasticNetPath {

    private static final int MAX_SWEEPS = 3000;
    private static final double TOLERANCE = 1e-9;

    private ElasticNetPath() {
    }

    /** A solution in the original column units: {@code y = intercept + sum_j w_j x_j}. */
    record Solution(double intercept, double[] w) {
        double predict(double[] row) {
            double y = intercept;
            for (int j = 0; j < w.length; j++) {
                y += w[j] * row[j];
            }
            return y;
        }
    }

    /** The smallest lambda1 at which every coefficient is zero, for the given statistics and lambda2. */
    static double lambda1Max(GramStats s, double lambda2) {
        double[] b = linearTerm(s, lambda2, usableScales(s));
        double c = 1 / Math.sqrt(1 + lambda2);
        double max = 0;
        for (double v : b) {
            max = Math.max(max, Math.abs(v));
        }
        return 2 * max / c;
    }

    /**
     * Solves for each lambda1 (in the given order, warm-starting each from the previous solution).
     * Columns with zero spread in these statistics get coefficient 0.
     */
    static Solution[] solve(GramStats s, double lambda2, double[] lambda1s) {
        int p = s.p;
        double[] scale = usableScales(s);
        double c = 1 / Math.sqrt(1 + lambda2);
        double[] b = linearTerm(s, lambda2, scale);
        double[][] a = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                a[j][k] = scale[j] == 0 || scale[k] == 0 ? 0
                        : c * c * s.centredCross(j, k) / (scale[j] * scale[k]);
            }
            if (scale[j] != 0) {
                a[j][j] += c * c * lambda2;
            }
        }
        double[] w = new double[p];
        double[] grad = b.clone(); // b - A w, kept current as w changes
        Solution[] out = new Solution[lambda1s.length];
        for (int l = 0; l < lambda1s.length; l++) {
            double threshold = lambda1s[l] * c / 2;
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double maxChange = 0;
                double maxW = 0;
                for (int j = 0; j < p; j++) {
                    if (scale[j] == 0) {
                        continue;
                    }
                    double ajj = a[j][j];
                    double rho = grad[j] + ajj * w[j];
                    double next = softThreshold(rho, threshold) / ajj;
                    double delta = next - w[j];
                    if (delta != 0) {
                        double[] aj = a[j];
                        for (int k = 0; k < p; k++) {
                            grad[k] -= aj[k] * delta;
                        }
                        w[j] = next;
                        maxChange = Math.max(maxChange, Math.abs(delta) * Math.sqrt(ajj));
                    }
                    maxW = Math.max(maxW, Math.abs(w[j]) * Math.sqrt(ajj));
                }
                if (maxChange <= TOLERANCE * Math.max(maxW, 1e-12)) {
                    break;
                }
            }
            out[l] = toOriginalUnits(s, w, scale, c);
        }
        return out;
    }

    private static Solution toOriginalUnits(GramStats s, double[] wStar, double[] scale, double c) {
        double[] w = new double[s.p];
        double intercept = s.sumY / s.n;
        for (int j = 0; j < s.p; j++) {
            w[j] = scale[j] == 0 ? 0 : c * wStar[j] / scale[j];
            intercept -= w[j] * s.mean(j);
        }
        return new Solution(intercept, w);
    }

    /** X2'Y of the augmented problem: c X_s'y minus the padding rows' share of the target mean. */
    private static double[] linearTerm(GramStats s, double lambda2, double[] scale) {
        double c = 1 / Math.sqrt(1 + lambda2);
        double pad = c * Math.sqrt(lambda2);
        double m = s.sumY / (s.n + s.p);
        double[] b = new double[s.p];
        for (int j = 0; j < s.p; j++) {
            b[j] = scale[j] == 0 ? 0 : c * s.centredXy(j) / scale[j] - pad * m;
        }
        return b;
    }

    private static double[] usableScales(GramStats s) {
        double[] scale = new double[s.p];
        for (int j = 0; j < s.p; j++) {
            double sd = s.sd(j);
            scale[j] = sd > 1e-12 * (1 + Math.abs(s.mean(j))) ? sd : 0;
        }
        return scale;
    }

    private static double softThreshold(double x, double t) {
        if (x > t) {
            return x - t;
        }
        if (x < -t) {
            return x + t;
        }
        return 0;
    }
}
