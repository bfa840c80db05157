package org.aodnn.modelfitting.predictor;

/**
 * A predicted latency and how it was obtained: {@code flag} is empty when the layer's own type model
 * answered, else {@code family}, {@code related-family} or {@code global} (a fallback, less trustworthy);
 * {@code unit} names the model used.
 */
public record Prediction(double ms, String flag, String unit) {

    public static final String EXACT = "";
    public static final String FAMILY = "family";
    public static final String RELATED_FAMILY = "related-family";
    public static final String GLOBAL = "global";

    public boolean isFallback() {
        return !flag.isEmpty();
    }
}
