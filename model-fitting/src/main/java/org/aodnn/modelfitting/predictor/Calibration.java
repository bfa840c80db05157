package org.aodnn.modelfitting.predictor;

import java.util.List;

/**
 * Browser calibration of a base platform's prediction c (paper Eq. 2 and 3), one fit B^i per layer type i
 * (with family and global fits for types the browser measurements lack):
 * {@code linear}: B_u(c) = gamma * c + epsilon (browsers without WebAssembly);
 * {@code quadratic}: B_s(c) = gamma * c^2 + delta * c + epsilon (with WebAssembly; delta = 0 for linear).
 * The result is clamped below at {@code minMs}.
 */
public record Calibration(String basePlatform, String kind, double minMs, List<Fit> fits) {

    public static final String LINEAR = "linear";
    public static final String QUADRATIC = "quadratic";

    public Calibration {
        fits = List.copyOf(fits);
    }

    /** One B^i: for a type key, a family id or {@code *} ({@code level} type, family or global, as for units). */
    public record Fit(String key, String level, double gamma, double delta, double epsilon, int trainingRows) {
    }

    public double apply(Fit fit, double c) {
        double b = switch (kind) {
            case LINEAR -> fit.gamma() * c + fit.epsilon();
            case QUADRATIC -> fit.gamma() * c * c + fit.delta() * c + fit.epsilon();
            default -> throw new IllegalStateException("unknown calibration kind '" + kind + "'");
        };
        return Math.max(b, minMs);
    }
}
