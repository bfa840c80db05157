package org.aodnn.modelfitting.predictor;

/**
 * One input of a unit model: a {@link BaseFeature} by name, its transform ({@code identity} or
 * {@code log1p}) and the standardisation applied after it: {@code z = (transform(x) - center) / scale}.
 */
public record FeatureInput(String name, String transform, double center, double scale) {

    public static final String IDENTITY = "identity";
    public static final String LOG1P = "log1p";

    public double standardise(double raw) {
        double t = switch (transform) {
            case IDENTITY -> raw;
            case LOG1P -> StrictMath.log1p(Math.max(raw, 0.0));
            default -> throw new IllegalStateException("unknown transform '" + transform + "'");
        };
        return (t - center) / scale;
    }
}
