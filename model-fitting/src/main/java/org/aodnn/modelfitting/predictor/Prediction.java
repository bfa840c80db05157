package org.aodnn.modelfitting.predictor;

/**
 * A predicted value and how it was obtained. {@code ms} is in the document's quantity unit: milliseconds
 * for a latency predictor, millijoules for an energy one (the name is kept from when latency was the only
 * quantity). {@code flag} is empty when the layer's own type model answered, else {@code family},
 * {@code related-family} or {@code global} (a fallback, less trustworthy); {@code unit} names the model used.
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
