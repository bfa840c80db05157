package org.aodnn.modelfitting.fit;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.FeatureInput;
import org.aodnn.modelfitting.predictor.LayerFamily;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PolynomialExpansion;
import org.aodnn.modelfitting.predictor.UnitModel;

/**
 * Fits one unit (a layer type, a family or a platform's global model): transforms and standardises the
 * features, searches polynomial degree and ElasticNet penalties by k-fold CV MSE (Eq. 4), then fits the
 * chosen configuration on all rows with Smile.
 */
final class UnitFitter {

    private UnitFitter() {
    }

    record Result(UnitModel model, List<CvScore> scores, String warning) {
    }

    static Result fit(String platform, String key, String level, LayerFamily family, List<LayerSample> rows,
                      List<BaseFeature> candidates, FitOptions options, FitMonitor monitor) {
        int n = rows.size();
        boolean log = options.logTarget();
        double[] y = new double[n];
        double minMs = Double.POSITIVE_INFINITY;
        double maxMs = 0;
        for (int i = 0; i < n; i++) {
            double ms = rows.get(i).latencyMs();
            minMs = Math.min(minMs, ms);
            maxMs = Math.max(maxMs, ms);
            y[i] = log ? Math.log(Math.max(ms, 1e-6)) : ms;
        }
        List<FeatureInput> inputs = standardisation(rows, candidates, options.featureTransform());
        double[][] z = new double[n][inputs.size()];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < inputs.size(); d++) {
                z[i][d] = BaseFeature.standardised(inputs.get(d), rows.get(i));
            }
        }

        int[] folds = Folds.assign(rows, options.folds(), options.seed());
        List<CvScore> scores = new ArrayList<>();
        int bestDegree = 1;
        double bestR1 = options.lambda1Ratios().get(0);
        double bestR2 = options.lambda2Ratios().get(0);
        double bestMse = Double.NaN;
        if (folds != null && !inputs.isEmpty()) {
            double best = Double.POSITIVE_INFINITY;
            for (int degree = 1; degree <= options.maxDegree(); degree++) {
                monitor.checkCancelled();
                int terms = (int) PolynomialExpansion.termCount(inputs.size(), degree);
                if (degree > 1 && (terms > options.maxTerms() || terms > n / 2)) {
                    break;
                }
                int[][] exps = PolynomialExpansion.exponents(inputs.size(), degree);
                double[][] design = design(z, exps);
                double[][] mse = crossValidate(design, y, folds, options);
                for (int b = 0; b < options.lambda2Ratios().size(); b++) {
                    for (int a = 0; a < options.lambda1Ratios().size(); a++) {
                        double m = mse[b][a];
                        scores.add(new CvScore(platform, key, level, family.id(), degree, exps.length,
                                options.lambda1Ratios().get(a), options.lambda2Ratios().get(b), m));
                        if (m < best) {
                            best = m;
                            bestDegree = degree;
                            bestR1 = options.lambda1Ratios().get(a);
                            bestR2 = options.lambda2Ratios().get(b);
                        }
                    }
                }
            }
            bestMse = best;
            // Prefer the lowest degree whose best CV MSE is within the margin of the overall best: a lower
            // degree extrapolates more gently to layers larger than any seen (VGG-sized held-out models).
            double margin = options.simplerWithin();
            if (margin > 0) {
                for (int degree = 1; degree < bestDegree; degree++) {
                    int d = degree;
                    CvScore simplest = scores.stream().filter(c -> c.degree() == d)
                            .min(java.util.Comparator.comparingDouble(CvScore::mse)).orElse(null);
                    if (simplest != null && simplest.mse() <= best * (1 + margin)) {
                        bestDegree = d;
                        bestR1 = simplest.lambda1Ratio();
                        bestR2 = simplest.lambda2Ratio();
                        bestMse = simplest.mse();
                        break;
                    }
                }
            }
        }

        int[][] exps = PolynomialExpansion.exponents(inputs.size(), bestDegree);
        double[][] design = design(z, exps);
        GramStats all = new GramStats(exps.length);
        for (int i = 0; i < n; i++) {
            all.add(design[i], y[i]);
        }
        double lambda2 = bestR2 * Math.max(1, n - 1);
        double lambda1Max = ElasticNetPath.lambda1Max(all, lambda2);
        double lambda1 = bestR1 * lambda1Max;
        ElasticNetPath.Solution solution;
        String warning = null;
        // Smile cannot scale constant columns; leave them out of its fit (coefficient 0).
        boolean[] usable = usableColumns(all);
        if (exps.length == 0 || !(lambda1 > 0) || countTrue(usable) == 0) {
            solution = new ElasticNetPath.Solution(all.sumY / n, new double[exps.length]);
        } else {
            try {
                ElasticNetPath.Solution s = SmileElasticNet.fit(select(design, usable), y, lambda1, lambda2);
                solution = expand(s, usable);
            } catch (RuntimeException e) {
                solution = ElasticNetPath.solve(all, lambda2, new double[] {lambda1})[0];
                warning = platform + " " + key + ": Smile ElasticNet failed (" + e.getMessage()
                        + "); coefficients from the coordinate-descent solver";
            }
            if (!finite(solution)) {
                solution = ElasticNetPath.solve(all, lambda2, new double[] {lambda1})[0];
                warning = platform + " " + key + ": Smile ElasticNet gave non-finite coefficients;"
                        + " coefficients from the coordinate-descent solver";
            }
        }
        double intercept = solution.intercept();
        if (log && options.meanCorrection()) {
            double smear = 0;
            for (int i = 0; i < n; i++) {
                smear += Math.exp(y[i] - solution.predict(design[i]));
            }
            intercept += Math.log(smear / n);
        }
        UnitModel model = new UnitModel(key, level, family.id(), inputs, exps, intercept, solution.w(),
                options.target(), 0.5 * minMs, 4 * maxMs, bestDegree, lambda1, lambda2, n,
                Double.isNaN(bestMse) ? -1 : bestMse);
        return new Result(model, scores, warning);
    }

    /** Mean squared CV error per [lambda2 index][lambda1 index]. */
    private static double[][] crossValidate(double[][] design, double[] y, int[] folds, FitOptions options) {
        int k = Folds.count(folds);
        int p = design[0].length;
        GramStats all = new GramStats(p);
        GramStats[] held = new GramStats[k];
        for (int f = 0; f < k; f++) {
            held[f] = new GramStats(p);
        }
        for (int i = 0; i < design.length; i++) {
            all.add(design[i], y[i]);
            held[folds[i]].add(design[i], y[i]);
        }
        List<Double> r1 = options.lambda1Ratios();
        List<Double> r2 = options.lambda2Ratios();
        double[][] sse = new double[r2.size()][r1.size()];
        for (int b = 0; b < r2.size(); b++) {
            double lambda2 = r2.get(b) * Math.max(1, design.length - 1);
            double max = ElasticNetPath.lambda1Max(all, lambda2);
            // Largest penalty first: each solution warm-starts the next.
            double[] lambda1s = new double[r1.size()];
            Integer[] order = new Integer[r1.size()];
            for (int a = 0; a < r1.size(); a++) {
                order[a] = a;
            }
            java.util.Arrays.sort(order, (u, v) -> Double.compare(r1.get(v), r1.get(u)));
            for (int a = 0; a < order.length; a++) {
                lambda1s[a] = Math.max(r1.get(order[a]) * max, 1e-300);
            }
            for (int f = 0; f < k; f++) {
                GramStats train = all.minus(held[f]);
                if (train.n < 2) {
                    continue;
                }
                ElasticNetPath.Solution[] sols = ElasticNetPath.solve(train, lambda2, lambda1s);
                for (int i = 0; i < design.length; i++) {
                    if (folds[i] != f) {
                        continue;
                    }
                    for (int a = 0; a < sols.length; a++) {
                        double e = y[i] - sols[a].predict(design[i]);
                        sse[b][order[a]] += e * e;
                    }
                }
            }
        }
        for (double[] row : sse) {
            for (int a = 0; a < row.length; a++) {
                row[a] /= design.length;
            }
        }
        return sse;
    }

    private static List<FeatureInput> standardisation(List<LayerSample> rows, List<BaseFeature> candidates,
                                                      String transform) {
        List<FeatureInput> out = new ArrayList<>();
        int n = rows.size();
        for (BaseFeature f : candidates) {
            // the mean and scale of the rows that state the value; an unknown one stands at the mean (z = 0)
            double sum = 0;
            double[] t = new double[n];
            int known = 0;
            for (int i = 0; i < n; i++) {
                if (!f.known(rows.get(i))) {
                    continue;
                }
                double raw = f.value(rows.get(i));
                t[known] = FeatureInput.LOG1P.equals(transform) ? StrictMath.log1p(Math.max(raw, 0)) : raw;
                sum += t[known++];
            }
            if (known == 0) {
                continue;
            }
            double mean = sum / known;
            double ss = 0;
            for (int i = 0; i < known; i++) {
                ss += (t[i] - mean) * (t[i] - mean);
            }
            double sd = Math.sqrt(ss / Math.max(1, known - 1));
            if (sd > 1e-9 * (1 + Math.abs(mean))) {
                out.add(new FeatureInput(f.id(), transform, mean, sd));
            }
        }
        return out;
    }

    private static double[][] design(double[][] z, int[][] exps) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = PolynomialExpansion.expand(z[i], exps);
        }
        return out;
    }

    private static boolean[] usableColumns(GramStats s) {
        boolean[] usable = new boolean[s.p];
        for (int j = 0; j < s.p; j++) {
            usable[j] = s.sd(j) > 1e-9 * (1 + Math.abs(s.mean(j)));
        }
        return usable;
    }

    private static int countTrue(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }

    private static double[][] select(double[][] design, boolean[] usable) {
        int p = countTrue(usable);
        double[][] out = new double[design.length][p];
        for (int i = 0; i < design.length; i++) {
            int c = 0;
            for (int j = 0; j < usable.length; j++) {
                if (usable[j]) {
                    out[i][c++] = design[i][j];
                }
            }
        }
        return out;
    }

    private static ElasticNetPath.Solution expand(ElasticNetPath.Solution s, boolean[] usable) {
        double[] w = new double[usable.length];
        int c = 0;
        for (int j = 0; j < usable.length; j++) {
            if (usable[j]) {
                w[j] = s.w()[c++];
            }
        }
        return new ElasticNetPath.Solution(s.intercept(), w);
    }

    private static boolean finite(ElasticNetPath.Solution s) {
        if (!Double.isFinite(s.intercept())) {
            return false;
        }
        for (double v : s.w()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
