package org.aodnn.db.domain;

import java.util.Set;

/** The layer types the Workbench knows (PyTorch module class names, as in the layer tables). */
public final class LayerTypes {

    public static final Set<String> KNOWN = Set.of(
            "Conv2d", "Linear", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d",
            "ReLU", "ReLU6", "BatchNorm2d", "Hardswish", "Hardsigmoid", "SiLU", "Sigmoid", "Tanh",
            "GELU", "LeakyReLU", "ELU", "Softmax", "Dropout", "Flatten");

    private LayerTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
