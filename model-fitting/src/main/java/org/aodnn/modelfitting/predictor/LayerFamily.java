package org.aodnn.modelfitting.predictor;

import org.aodnn.db.domain.LayerGeometry;

/**
 * The layer families of the method. A layer type never seen in training is predicted by its family's
 * model; a family never seen falls back to {@link #fallback()} and finally to the platform's global model.
 */
public enum LayerFamily {
    CONVOLUTION("convolution", null),
    DEPTHWISE_CONVOLUTION("depthwise_convolution", "convolution"),
    GROUPED_CONVOLUTION("grouped_convolution", "convolution"),
    FULLY_CONNECTED("fully_connected", null),
    POOLING("pooling", null),
    BATCH_NORMALISATION("batch_normalisation", "activation"),
    ACTIVATION("activation", "batch_normalisation"),
    OTHER("other", null);

    private final String id;
    private final String fallbackId;

    LayerFamily(String id, String fallbackId) {
        this.id = id;
        this.fallbackId = fallbackId;
    }

    public String id() {
        return id;
    }

    /** A related family whose model is a sensible stand-in (element-wise layers for each other, convolutions). */
    public LayerFamily fallback() {
        return fallbackId == null ? null : ofId(fallbackId);
    }

    public static LayerFamily ofId(String id) {
        for (LayerFamily f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown layer family '" + id + "'");
    }

    public static LayerFamily of(LayerGeometry g) {
        switch (g.layerType()) {
            case "Conv2d":
                if (g.groups() <= 1) {
                    return CONVOLUTION;
                }
                return g.groups() == g.inChannels() ? DEPTHWISE_CONVOLUTION : GROUPED_CONVOLUTION;
            case "Linear":
                return FULLY_CONNECTED;
            case "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d":
                return POOLING;
            case "BatchNorm2d":
                return BATCH_NORMALISATION;
            case "ReLU", "ReLU6", "Hardswish", "Hardsigmoid", "SiLU", "Sigmoid", "Tanh", "GELU", "LeakyReLU",
                    "ELU", "Softmax":
                return ACTIVATION;
            default:
                return OTHER;
        }
    }

    /**
     * The key of the per-type model: the layer type, except that convolutions (all {@code Conv2d}) are told
     * apart by their groups and, for standard ones, 1x1 kernels ({@code Conv2d/pointwise}, a plain matrix
     * product) from larger ones, because they run different kernels with different costs per FLOP.
     */
    public static String typeKey(LayerGeometry g) {
        LayerFamily f = of(g);
        return switch (f) {
            case DEPTHWISE_CONVOLUTION -> "Conv2d/depthwise";
            case GROUPED_CONVOLUTION -> "Conv2d/grouped";
            case CONVOLUTION -> (long) g.kernelH() * g.kernelW() == 1 ? POINTWISE : g.layerType();
            default -> g.layerType();
        };
    }

    public static final String POINTWISE = "Conv2d/pointwise";

    /**
     * The key tried when no model has the {@link #typeKey}: {@code Conv2d} for a pointwise convolution (a
     * predictor may model all standard convolutions together), else the type key itself.
     */
    public static String generalTypeKey(LayerGeometry g) {
        String key = typeKey(g);
        return key.equals(POINTWISE) ? g.layerType() : key;
    }
}
