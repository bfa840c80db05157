package org.aodnn.modelfitting.fit;

/**
 * Sufficient statistics of a design matrix E (n x p) and target y: sums, cross products and counts. Fold
 * statistics are the whole minus the held-out part, so k-fold CV needs one pass over the data per degree.
 */
final class GramStats {

    final int p;
    long n;
    final double[] sum;
    final double[][] cross;
    final double[] sumXy;
    double sumY;

    GramStats(int p) {
        this.p = p;
        this.sum = new double[p];
        this.cross = new double[p][p];
        this.sumXy = new double[p];
    }

    void add(double[] row, double y) {
        n++;
        sumY += y;
        for (int j = 0; j < p; j++) {
            double xj = row[j];
            sum[j] += xj;
            sumXy[j] += xj * y;
            double[] cj = cross[j];
            for (int k = j; k < p; k++) {
                cj[k] += xj * row[k];
            }
        }
    }

    GramStats minus(GramStats part) {
        GramStats out = new GramStats(p);
        out.n = n - part.n;
        out.sumY = sumY - part.sumY;
        for (int j = 0; j < p; j++) {
            out.sum[j] = sum[j] - part.sum[j];
            out.sumXy[j] = sumXy[j] - part.sumXy[j];
            for (int k = j; k < p; k++) {
                out.cross[j][k] = cross[j][k] - part.cross[j][k];
            }
        }
        return out;
    }

    double mean(int j) {
        return sum[j] / n;
    }

    /** Sample standard deviation (n - 1), as Smile's column scaling uses. */
    double sd(int j) {
        double m = mean(j);
        double var = (cross[j][j] - n * m * m) / (n - 1);
        return var > 0 ? Math.sqrt(var) : 0.0;
    }

    /** Cross product of the centred columns j and k. */
    double centredCross(int j, int k) {
        int a = Math.min(j, k);
        int b = Math.max(j, k);
        return cross[a][b] - n * mean(a) * mean(b);
    }

    /** Centred X'y for column j. */
    double centredXy(int j) {
        return sumXy[j] - mean(j) * sumY;
    }
}
