package org.aodnn.modelfitting.fit;

/**
 * Ordinary least squares with an intercept, in plain Java: columns are standardised, the normal equations
 * solved by Cholesky (a ridge of 1e-10 of the trace keeps collinear columns solvable). Used by the
 * baselines and the browser calibration, which have a handful of columns.
 */
public final class LeastSquares {

    private LeastSquares() {
    }

    /** Returns {intercept, b_1 .. b_p} for {@code y ~ intercept + X b}. */
    public static double[] fit(double[][] x, double[] y) {
        int n = y.length;
        if (n == 0) {
            throw new IllegalArgumentException("least squares needs at least one row");
        }
        int p = n == 0 ? 0 : x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            ym += y[i];
            for (int j = 0; j < p; j++) {
                mean[j] += x[i][j];
            }
        }
        ym /= n;
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i][j] - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / Math.max(1, n - 1));
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            double[] z = new double[p];
            for (int j = 0; j < p; j++) {
                z[j] = sd[j] > 0 ? (x[i][j] - mean[j]) / sd[j] : 0;
            }
            double r = y[i] - ym;
            for (int j = 0; j < p; j++) {
                b[j] += z[j] * r;
                for (int k = 0; k <= j; k++) {
                    a[j][k] += z[j] * z[k];
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < p; j++) {
            trace += a[j][j];
        }
        double ridge = 1e-10 * Math.max(trace, 1.0);
        for (int j = 0; j < p; j++) {
            a[j][j] += ridge;
            for (int k = j + 1; k < p; k++) {
                a[j][k] = a[k][j];
            }
        }
        double[] beta = choleskySolve(a, b);
        double[] out = new double[p + 1];
        out[0] = ym;
        for (int j = 0; j < p; j++) {
            double coef = sd[j] > 0 ? beta[j] / sd[j] : 0;
            out[j + 1] = coef;
            out[0] -= coef * mean[j];
        }
        return out;
    }

    public static double predict(double[] coefficients, double[] row) {
        double y = coefficients[0];
        for (int j = 0; j < row.length; j++) {
            y += coefficients[j + 1] * row[j];
        }
        return y;
    }

    private static double[] choleskySolve(double[][] a, double[] b) {
        int p = b.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                d = 1e-300;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
