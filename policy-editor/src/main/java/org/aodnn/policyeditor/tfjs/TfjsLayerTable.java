package org.aodnn.policyeditor.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;

/**
 * Turns the layers of a chain topology into the rows of a layer table in the conventions of
 * {@code model-layers.csv}: PyTorch type names, NCHW shapes, params (from the weightsManifest, checked
 * against the layer config), flops (a multiply-add counts 2, bias not counted; pooling out·kh·kw; global
 * pooling, batch norm and activations one per element).
 *
 * <p>Why the rows differ from the TF.js layers: an activation fused into a Conv2D, DepthwiseConv2D or Dense
 * layer ({@code activation: "relu"}) becomes its own row {@code <layer>/<activation>}, as in torchvision's
 * tables, but the network cannot be cut between the two (TF.js runs them as one layer), so the first row
 * has {@code cut_after = 0}. Flatten, Dropout and the input layer have no row (Flatten only reshapes,
 * Dropout is the identity at inference). Every other row of a chain has {@code cut_after = 1} with its
 * output crossing the cut.
 */
final class TfjsLayerTable {

    private static final Set<String> IDENTITY_AT_INFERENCE = Set.of("Dropout", "SpatialDropout1D",
            "SpatialDropout2D", "GaussianDropout", "GaussianNoise", "AlphaDropout", "ActivityRegularization");
    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "DepthwiseConv2D", "Dense",
            "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
            "BatchNormalization", "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "Flatten", "Dropout");

    private final TfjsTopology topology;
    private final String source;
    private final List<ModelLayer> rows = new ArrayList<>();
    private TensorShape shape;

    private TfjsLayerTable(TfjsTopology topology) {
        this.topology = topology;
        this.source = topology.source;
    }

    static List<ModelLayer> build(TfjsTopology topology) {
        TfjsLayerTable table = new TfjsLayerTable(topology);
        table.shape = table.inputShape();
        for (TfjsLayer layer : topology.layers) {
            table.convert(layer);
        }
        if (table.rows.isEmpty()) {
            throw new TfjsImportException(table.source + ": the model has no computing layers");
        }
        return table.rows;
    }

    private TensorShape inputShape() {
        for (TfjsLayer layer : topology.layers) {
            for (String key : List.of("batch_input_shape", "batch_shape", "batchInputShape")) {
                JsonNode s = layer.config().get(key);
                if (s != null && s.isArray()) {
                    return shapeFrom(layer, s);
                }
            }
            if (!layer.className().equals("InputLayer")) {
                break;
            }
        }
        throw new TfjsImportException(source + ": no input shape: the first layer (or an InputLayer) needs"
                + " batch_input_shape");
    }

    private TensorShape shapeFrom(TfjsLayer layer, JsonNode s) {
        List<Long> dims = new ArrayList<>();
        for (int i = 1; i < s.size(); i++) {
            if (!s.get(i).isIntegralNumber() || !s.get(i).canConvertToLong() || s.get(i).asLong() <= 0
                    || s.get(i).asLong() > MAX_SIZE) {
                throw new TfjsImportException(source + ": layer " + layer.label() + ": input shape " + s
                        + " has an unknown or bad dimension: the layer table needs a fixed input size (whole numbers"
                        + " from 1 to " + MAX_SIZE + ")");
            }
            dims.add(s.get(i).asLong());
        }
        if (dims.size() == 3) {
            return TensorShape.image(dims.get(2), dims.get(0), dims.get(1)); // NHWC in, NCHW kept
        }
        if (dims.size() == 1) {
            return TensorShape.vector(dims.get(0));
        }
        throw new TfjsImportException(source + ": layer " + layer.label() + ": input shape " + s
                + " is not supported (expected [null, H, W, C] or [null, F])");
    }

    /**
     * The largest size (a dimension, filters, units) a layer may have: far beyond any real network's (VGG's
     * widest is 25,088 features), and small enough that the products below stay checked rather than wrap.
     */
    static final long MAX_SIZE = 1L << 24;

    private void convert(TfjsLayer layer) {
        try {
            convertChecked(layer);
        } catch (ArithmeticException e) {
            // a size, parameter or FLOP count beyond 64 bits (or a channel count beyond 32): not a real network
            throw new TfjsImportException(source + ": layer " + layer.label() + ": its sizes overflow the layer"
                    + " table's counts (" + e.getMessage() + "); check its shape and sizes");
        }
    }

    private void convertChecked(TfjsLayer layer) {
        JsonNode cfg = layer.config();
        switch (layer.className()) {
            case "InputLayer" -> checkParams(layer, 0);
            case "Conv2D" -> conv(layer, false);
            case "DepthwiseConv2D" -> conv(layer, true);
            case "Dense" -> dense(layer);
            case "MaxPooling2D" -> pool(layer, "MaxPool2d");
            case "AveragePooling2D" -> pool(layer, "AvgPool2d");
            case "GlobalAveragePooling2D" -> globalPool(layer, "AdaptiveAvgPool2d");
            case "GlobalMaxPooling2D" -> globalPool(layer, "AdaptiveMaxPool2d");
            case "BatchNormalization" -> batchNorm(layer);
            case "Activation" -> {
                checkParams(layer, 0);
                String type = TfjsActivations.type(cfg.path("activation").asText(""), layer, source);
                if (type != null) {
                    elementwise(layer.name(), type, true);
                }
            }
            case "ReLU" -> relu(layer);
            case "LeakyReLU" -> simple(layer, "LeakyReLU");
            case "ELU" -> simple(layer, "ELU");
            case "Softmax" -> simple(layer, "Softmax");
            case "Flatten" -> {
                checkParams(layer, 0);
                shape = TensorShape.vector(shape.elems());
            }
            default -> {
                if (IDENTITY_AT_INFERENCE.contains(layer.className())) {
                    checkParams(layer, 0);
                } else {
                    throw unsupported(layer);
                }
            }
        }
    }

    private TfjsImportException unsupported(TfjsLayer layer) {
        String what = Set.of("Sequential", "Model", "Functional").contains(layer.className())
                ? "nested models are not supported"
                : "this layer class is not supported (supported: " + String.join(", ", SUPPORTED) + ")";
        return new TfjsImportException(source + ": layer " + layer.label() + ": " + what);
    }

    private void conv(TfjsLayer layer, boolean depthwise) {
        JsonNode cfg = layer.config();
        requireImage(layer);
        requireChannelsLast(layer);
        int[] kernel = pair(layer, "kernel_size", null);
        int[] strides = pair(layer, "strides", new int[] {1, 1});
        int[] dilation = pair(layer, "dilation_rate", new int[] {1, 1});
        String padding = cfg.path("padding").asText("valid");
        long cin = shape.channels();
        long groups;
        long cout;
        long weightsPerOutput;
        if (depthwise) {
            long multiplier = cfg.path("depth_multiplier").asLong(1);
            groups = cin;
            cout = Math.multiplyExact(cin, multiplier);
            weightsPerOutput = (long) kernel[0] * kernel[1];
        } else {
            cout = positive(layer, "filters");
            groups = cfg.path("groups").asLong(1);
            if (groups < 1 || cin % groups != 0 || cout % groups != 0) {
                throw new TfjsImportException(source + ": layer " + layer.label() + ": groups " + groups
                        + " does not divide input channels " + cin + " and filters " + cout);
            }
            weightsPerOutput = Math.multiplyExact((long) kernel[0] * kernel[1], cin / groups);
        }
        boolean bias = cfg.path("use_bias").asBoolean(true);
        long params = Math.addExact(Math.multiplyExact(cout, weightsPerOutput), bias ? cout : 0);
        checkParams(layer, params);
        long[] h = window(layer, shape.height(), kernel[0], strides[0], dilation[0], padding);
        long[] w = window(layer, shape.width(), kernel[1], strides[1], dilation[1], padding);
        TensorShape in = shape;
        TensorShape out = TensorShape.image(cout, h[0], w[0]);
        long flops = Math.multiplyExact(2 * out.elems(), weightsPerOutput);
        String activation = TfjsActivations.type(cfg.path("activation").asText(""), layer, source);
        add(layer.name(), new LayerGeometry("Conv2d", in.nchw(), out.nchw(), in.elems(), out.elems(),
                Math.toIntExact(cin), Math.toIntExact(cout), kernel[0], kernel[1], strides[0], Math.toIntExact(h[1]),
                Math.toIntExact(groups), params, flops),
                activation == null, out);
        if (activation != null) {
            elementwise(layer.name() + "/" + cfg.path("activation").asText(), activation, true);
        }
    }

    private void dense(TfjsLayer layer) {
        JsonNode cfg = layer.config();
        if (shape.image()) {
            throw new TfjsImportException(source + ": layer " + layer.label() + " gets the image " + shape.nchw()
                    + ": add a Flatten or a global pooling layer before it");
        }
        long in = shape.channels();
        long units = positive(layer, "units");
        boolean bias = cfg.path("use_bias").asBoolean(true);
        long params = Math.addExact(Math.multiplyExact(in, units), bias ? units : 0);
        checkParams(layer, params);
        TensorShape input = shape;
        TensorShape out = TensorShape.vector(units);
        String activation = TfjsActivations.type(cfg.path("activation").asText(""), layer, source);
        add(layer.name(), new LayerGeometry("Linear", input.nchw(), out.nchw(), in, units, Math.toIntExact(in),
                Math.toIntExact(units), 0, 0, 0, 0, 1, params, Math.multiplyExact(2 * in, units)), activation == null, out);
        if (activation != null) {
            elementwise(layer.name() + "/" + cfg.path("activation").asText(), activation, true);
        }
    }

    private void pool(TfjsLayer layer, String type) {
        requireImage(layer);
        requireChannelsLast(layer);
        checkParams(layer, 0);
        int[] size = pair(layer, "pool_size", new int[] {2, 2});
        int[] strides = pair(layer, "strides", size);
        String padding = layer.config().path("padding").asText("valid");
        long[] h = window(layer, shape.height(), size[0], strides[0], 1, padding);
        long[] w = window(layer, shape.width(), size[1], strides[1], 1, padding);
        TensorShape in = shape;
        TensorShape out = TensorShape.image(in.channels(), h[0], w[0]);
        add(layer.name(), new LayerGeometry(type, in.nchw(), out.nchw(), in.elems(), out.elems(),
                Math.toIntExact(in.channels()), Math.toIntExact(in.channels()), size[0], size[1], strides[0],
                Math.toIntExact(h[1]), 1, 0, Math.multiplyExact(out.elems(), (long) size[0] * size[1])), true, out);
    }

    private void globalPool(TfjsLayer layer, String type) {
        requireImage(layer);
        requireChannelsLast(layer);
        checkParams(layer, 0);
        TensorShape in = shape;
        TensorShape pooled = TensorShape.image(in.channels(), 1, 1);
        // Keras drops the 1x1 spatial dimensions unless keepdims; the row shows the pooled 1xCx1x1 as torchvision.
        TensorShape next = layer.config().path("keepdims").asBoolean(false) ? pooled : TensorShape.vector(in.channels());
        add(layer.name(), new LayerGeometry(type, in.nchw(), pooled.nchw(), in.elems(), pooled.elems(),
                Math.toIntExact(in.channels()), Math.toIntExact(in.channels()), 0, 0, 0, 0, 1, 0, in.elems()), true, next);
    }

    private void batchNorm(TfjsLayer layer) {
        JsonNode cfg = layer.config();
        if (!shape.image()) {
            throw new TfjsImportException(source + ": layer " + layer.label() + " normalises the vector "
                    + shape.nchw() + ": only BatchNormalization of images (BatchNorm2d) is supported");
        }
        JsonNode axis = cfg.path("axis");
        int a = axis.isArray() && axis.size() == 1 ? axis.get(0).asInt() : axis.asInt(-1);
        if (a != -1 && a != 3) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": axis " + axis
                    + " is not supported (only the channel axis, -1 or 3)");
        }
        long c = shape.channels();
        long perChannel = 2 + (cfg.path("center").asBoolean(true) ? 1 : 0) + (cfg.path("scale").asBoolean(true) ? 1 : 0);
        checkParams(layer, c * perChannel);
        TensorShape s = shape;
        // params: every weight the browser downloads (gamma, beta and the moving mean and variance).
        add(layer.name(), new LayerGeometry("BatchNorm2d", s.nchw(), s.nchw(), s.elems(), s.elems(), Math.toIntExact(c),
                Math.toIntExact(c), 0, 0, 0, 0, 1, c * perChannel, s.elems()), true, s);
    }

    private void relu(TfjsLayer layer) {
        JsonNode cfg = layer.config();
        checkParams(layer, 0);
        JsonNode max = cfg.get("max_value");
        double slope = cfg.path("negative_slope").asDouble(0);
        double threshold = cfg.path("threshold").asDouble(0);
        if (threshold != 0) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": threshold " + threshold
                    + " is not supported");
        }
        if (max != null && !max.isNull()) {
            if (max.asDouble() != 6 || slope != 0) {
                throw new TfjsImportException(source + ": layer " + layer.label() + ": max_value " + max.asText()
                        + (slope != 0 ? " with negative_slope " + slope : "") + " is not supported (only 6, ReLU6)");
            }
            elementwise(layer.name(), "ReLU6", true);
        } else {
            elementwise(layer.name(), slope != 0 ? "LeakyReLU" : "ReLU", true);
        }
    }

    private void simple(TfjsLayer layer, String type) {
        checkParams(layer, 0);
        elementwise(layer.name(), type, true);
    }

    private void elementwise(String name, String type, boolean cutAfter) {
        TensorShape s = shape;
        add(name, new LayerGeometry(type, s.nchw(), s.nchw(), s.elems(), s.elems(), Math.toIntExact(s.channels()),
                Math.toIntExact(s.channels()), 0, 0, 0, 0, 1, 0, s.elems()), cutAfter, s);
    }

    private void add(String name, LayerGeometry geometry, boolean cutAfter, TensorShape out) {
        rows.add(new ModelLayer(rows.size(), name, geometry, cutAfter, cutAfter ? geometry.outElems() : 0));
        shape = out;
    }

    /** Output size and the padding column (the larger side of TF's 'same' padding) along one axis. */
    private long[] window(TfjsLayer layer, long in, int k, int stride, int dilation, String padding) {
        long effective = (long) dilation * (k - 1) + 1;
        if (padding.equals("valid")) {
            if (in < effective) {
                throw new TfjsImportException(source + ": layer " + layer.label() + ": window " + effective
                        + " is larger than the input size " + in);
            }
            return new long[] {(in - effective) / stride + 1, 0};
        }
        if (padding.equals("same")) {
            long out = (in + stride - 1) / stride;
            long total = Math.max((out - 1) * stride + effective - in, 0);
            return new long[] {out, (total + 1) / 2};
        }
        throw new TfjsImportException(source + ": layer " + layer.label() + ": padding '" + padding
                + "' is not supported (valid or same)");
    }

    private int[] pair(TfjsLayer layer, String key, int[] fallback) {
        JsonNode v = layer.config().get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new TfjsImportException(source + ": layer " + layer.label() + " has no " + key);
            }
            return fallback;
        }
        int[] out;
        if (v.isInt()) {
            out = new int[] {v.asInt(), v.asInt()};
        } else if (v.isArray() && v.size() == 2 && v.get(0).isInt() && v.get(1).isInt()) {
            out = new int[] {v.get(0).asInt(), v.get(1).asInt()};
        } else {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": " + key + " " + v
                    + " is not a pair of whole numbers");
        }
        if (out[0] < 1 || out[1] < 1) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": " + key + " " + v + " must be >= 1");
        }
        return out;
    }

    private long positive(TfjsLayer layer, String key) {
        JsonNode v = layer.config().get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1 || v.asLong() > MAX_SIZE) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": " + key + " must be a whole"
                    + " number from 1 to " + MAX_SIZE + ", got " + v);
        }
        return v.asLong();
    }

    private void requireImage(TfjsLayer layer) {
        if (!shape.image()) {
            throw new TfjsImportException(source + ": layer " + layer.label() + " needs an image input but gets "
                    + shape.nchw());
        }
    }

    private void requireChannelsLast(TfjsLayer layer) {
        String format = layer.config().path("data_format").asText("channels_last");
        if (!format.equals("channels_last")) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": data_format " + format
                    + " is not supported (channels_last, the TF.js default)");
        }
    }

    /** The weightsManifest must hold exactly the parameters the layer's config implies. */
    private void checkParams(TfjsLayer layer, long expected) {
        long found = topology.paramsByLayer.getOrDefault(layer.name(), 0L);
        if (found != expected) {
            throw new TfjsImportException(source + ": layer " + layer.label() + ": weightsManifest holds " + found
                    + " parameters, its config and input " + shape.nchw() + " imply " + expected);
        }
    }
}
