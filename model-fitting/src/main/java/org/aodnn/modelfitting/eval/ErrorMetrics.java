package org.aodnn.modelfitting.eval;

import java.util.Arrays;

/**
 * Layer-level accuracy. RMSE is over every row; the relative figures (MAPE, median APE, shares within
 * +-5 % and +-10 %) are over rows measured at or above {@code floorMs} and above 0: for latency 0.05 ms
 * (0.005 ms on a GPU), because layers of a few microseconds carry mostly timer and scheduling noise; for
 * energy 0, i.e. every layer with energy above 0 mJ (see {@code Quantity.accuracyFloor}).
 */
public record ErrorMetrics(int rows, int rowsAboveFloor, double floorMs, double rmse, double mape, double medianApe,
                           double within5, double within10) {

    public static ErrorMetrics of(double[] measured, double[] predicted, double floorMs) {
        int n = measured.length;
        double sq = 0;
        double[] ape = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - measured[i];
            sq += e * e;
            if (measured[i] >= floorMs && measured[i] > 0) {
                ape[m++] = Math.abs(e) / measured[i];
            }
        }
        double[] a = Arrays.copyOf(ape, m);
        Arrays.sort(a);
        double sum = 0;
        int w5 = 0;
        int w10 = 0;
        for (double v : a) {
            sum += v;
            w5 += v <= 0.05 ? 1 : 0;
            w10 += v <= 0.10 ? 1 : 0;
        }
        double median = m == 0 ? Double.NaN : m % 2 == 1 ? a[m / 2] : (a[m / 2 - 1] + a[m / 2]) / 2;
        return new ErrorMetrics(n, m, floorMs, n == 0 ? Double.NaN : Math.sqrt(sq / n),
                m == 0 ? Double.NaN : sum / m, median, m == 0 ? Double.NaN : (double) w5 / m,
                m == 0 ? Double.NaN : (double) w10 / m);
    }
}
