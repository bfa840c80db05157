package org.aodnn.policyeditor.tfjs;

import java.util.Map;

/** Keras activation names and the layer-table type (PyTorch module name) of the same operation. */
final class TfjsActivations {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("relu", "ReLU"), Map.entry("relu6", "ReLU6"), Map.entry("sigmoid", "Sigmoid"),
            Map.entry("hard_sigmoid", "Hardsigmoid"), Map.entry("tanh", "Tanh"), Map.entry("softmax", "Softmax"),
            Map.entry("elu", "ELU"), Map.entry("swish", "SiLU"), Map.entry("silu", "SiLU"),
            Map.entry("gelu", "GELU"), Map.entry("hard_swish", "Hardswish"), Map.entry("hard_silu", "Hardswish"),
            Map.entry("leaky_relu", "LeakyReLU"));

    private TfjsActivations() {
    }

    /** The layer type, {@code null} for the identity ({@code linear} or no activation). */
    static String type(String activation, TfjsLayer layer, String source) {
        if (activation == null || activation.isEmpty() || activation.equals("linear")) {
            return null;
        }
        String type = TYPES.get(activation);
        if (type == null) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": activation '" + activation
                    + "' is not supported (supported: linear, " + String.join(", ", new java.util.TreeSet<>(TYPES.keySet()))
                    + ")");
        }
        return type;
    }
}
