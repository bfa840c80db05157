package org.aodnn.modelfitting.fit;

import java.util.List;
import java.util.Locale;
import org.aodnn.modelfitting.predictor.FeatureInput;
import org.aodnn.modelfitting.predictor.UnitModel;

/**
 * How predictors are fitted. {@link #paper()} is the paper's method as written: raw latency, raw
 * features, polynomial degree and ElasticNet penalties chosen by k-fold CV MSE. {@link #logLatency()}
 * fits log latency on log features with compact per-family feature sets: the variant chosen by measured
 * accuracy (docs/benchmarks/model-fitting.md). Penalties are given as ratios: lambda1 = ratio * the
 * smallest lambda1 that zeroes every coefficient; lambda2 = ratio * (n - 1).
 */
public record FitOptions(String name, String target, String featureTransform, FeatureSets.Choice features,
                         int maxDegree, int folds, List<Double> lambda1Ratios, List<Double> lambda2Ratios,
                         int maxTerms, int minUnitRows, long seed, boolean meanCorrection,
                         double simplerWithin, boolean pointwiseSplit) {

    public FitOptions {
        lambda1Ratios = List.copyOf(lambda1Ratios);
        lambda2Ratios = List.copyOf(lambda2Ratios);
        if (maxDegree < 1 || folds < 2 || lambda1Ratios.isEmpty() || lambda2Ratios.isEmpty()) {
            throw new IllegalArgumentException("maxDegree >= 1, folds >= 2 and non-empty penalty grids are required");
        }
        for (double r : lambda1Ratios) {
            if (!(r > 0)) {
                throw new IllegalArgumentException("lambda1 ratios must be positive");
            }
        }
        for (double r : lambda2Ratios) {
            if (!(r > 0)) {
                throw new IllegalArgumentException("lambda2 ratios must be positive");
            }
        }
    }

    public static FitOptions paper() {
        return new FitOptions("paper", UnitModel.TARGET_IDENTITY, FeatureInput.IDENTITY, FeatureSets.Choice.FULL,
                3, 5, List.of(1e-4, 1e-3, 1e-2, 1e-1), List.of(1e-4, 1e-2), 200, 6, 42L, false, 0.0, false);
    }

    public static FitOptions logLatency() {
        return new FitOptions("log", UnitModel.TARGET_LOG, FeatureInput.LOG1P, FeatureSets.Choice.COMPACT,
                3, 5, List.of(1e-5, 1e-4, 1e-3, 1e-2), List.of(1e-4, 1e-2), 200, 6, 42L, false, 0.0, false);
    }

    /**
     * Log latency with a mean correction: a log fit predicts the median, which under-counts the sum of a
     * model's layers by about exp(sigma^2 / 2); each unit's intercept is shifted by the log of the mean of
     * exp(residual) over its training rows (Duan's smearing), so sums are unbiased.
     */
    public static FitOptions logLatencyMeanCorrected() {
        return new FitOptions("log-mean", UnitModel.TARGET_LOG, FeatureInput.LOG1P, FeatureSets.Choice.COMPACT,
                3, 5, List.of(1e-5, 1e-4, 1e-3, 1e-2), List.of(1e-4, 1e-2), 200, 6, 42L, true, 0.0, false);
    }

    /** Log latency on the full Eq. 1 feature list (to measure what the compact feature sets buy). */
    public static FitOptions logLatencyFullFeatures() {
        return new FitOptions("log-full", UnitModel.TARGET_LOG, FeatureInput.LOG1P, FeatureSets.Choice.FULL,
                3, 5, List.of(1e-5, 1e-4, 1e-3, 1e-2), List.of(1e-4, 1e-2), 200, 6, 42L, false, 0.0, false);
    }

    public static List<String> modeNames() {
        return List.of("log", "log-split", "log-mean", "log-simple", "paper", "log-full");
    }

    public static FitOptions mode(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "log" -> logLatency();
            case "paper" -> paper();
            case "log-mean" -> logLatencyMeanCorrected();
            case "log-full" -> logLatencyFullFeatures();
            case "log-simple" -> logLatency().withSimplerWithin(0.10).withName("log-simple");
            case "log-split" -> logLatency().withPointwiseSplit(true).withName("log-split");
            default -> throw new IllegalArgumentException("unknown fit mode '" + name + "' (known: "
                    + String.join(", ", modeNames()) + ")");
        };
    }

    public FitOptions withMaxDegree(int degree) {
        return new FitOptions(name, target, featureTransform, features, degree, folds, lambda1Ratios, lambda2Ratios,
                maxTerms, minUnitRows, seed, meanCorrection, simplerWithin, pointwiseSplit);
    }

    public FitOptions withFolds(int k) {
        return new FitOptions(name, target, featureTransform, features, maxDegree, k, lambda1Ratios, lambda2Ratios,
                maxTerms, minUnitRows, seed, meanCorrection, simplerWithin, pointwiseSplit);
    }

    /** Choose the lowest degree whose CV MSE is within this relative margin of the best (0: the best). */
    public FitOptions withSimplerWithin(double margin) {
        return new FitOptions(name, target, featureTransform, features, maxDegree, folds, lambda1Ratios, lambda2Ratios,
                maxTerms, minUnitRows, seed, meanCorrection, margin, pointwiseSplit);
    }

    /**
     * Let CV decide per platform whether 1x1 convolutions get their own model ({@code Conv2d/pointwise}).
     * Measured: it helps the browser backends and hurts the edge CPU (docs/benchmarks/model-fitting.md).
     */
    public FitOptions withPointwiseSplit(boolean split) {
        return new FitOptions(name, target, featureTransform, features, maxDegree, folds, lambda1Ratios, lambda2Ratios,
                maxTerms, minUnitRows, seed, meanCorrection, simplerWithin, split);
    }

    public FitOptions withName(String newName) {
        return new FitOptions(newName, target, featureTransform, features, maxDegree, folds, lambda1Ratios,
                lambda2Ratios, maxTerms, minUnitRows, seed, meanCorrection, simplerWithin, pointwiseSplit);
    }

    public boolean logTarget() {
        return UnitModel.TARGET_LOG.equals(target);
    }
}
