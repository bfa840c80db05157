package org.aodnn.policyeditor.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a TF.js Layers {@code model.json} the importer needs: the layers in execution order (a
 * {@code Sequential} model, or a functional {@code Model} whose graph is a single chain), and the
 * parameter count of each layer from the {@code weightsManifest} shapes.
 */
final class TfjsTopology {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String source;
    final List<TfjsLayer> layers;
    final Map<String, Long> paramsByLayer;

    private TfjsTopology(String source, List<TfjsLayer> layers, Map<String, Long> paramsByLayer) {
        this.source = source;
        this.layers = layers;
        this.paramsByLayer = paramsByLayer;
    }

    static TfjsTopology parse(String source, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TfjsImportException(source + ": not valid JSON: " + org.aodnn.db.cli.Json.problem(e), e);
        } catch (IOException e) {
            throw new TfjsImportException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TfjsImportException(source + ": expected a JSON object (a TF.js model.json)");
        }
        String format = root.path("format").asText("");
        if (!format.isEmpty() && !format.equals("layers-model")) {
            throw new TfjsImportException(source + ": format '" + format
                    + "' is not supported: only TF.js Layers models (format layers-model) can be imported");
        }
        JsonNode topology = root.get("modelTopology");
        if (topology == null || !topology.isObject()) {
            throw new TfjsImportException(source + ": no modelTopology object: not a TF.js Layers model.json");
        }
        if (topology.has("model_config")) {
            topology = topology.get("model_config");
        }
        List<TfjsLayer> layers = layers(source, topology);
        Map<String, Long> params = params(source, root.get("weightsManifest"), layers);
        return new TfjsTopology(source, layers, params);
    }

    private static List<TfjsLayer> layers(String source, JsonNode topology) {
        String modelClass = topology.path("class_name").asText("");
        JsonNode config = topology.get("config");
        switch (modelClass) {
            case "Sequential": {
                JsonNode list = config != null && config.isArray() ? config : config == null ? null : config.get("layers");
                return readLayers(source, list);
            }
            case "Model":
            case "Functional": {
                List<TfjsLayer> layers = readLayers(source, config == null ? null : config.get("layers"));
                checkChain(source, config, layers);
                return layers;
            }
            default:
                throw new TfjsImportException(source + ": model class '" + modelClass
                        + "' is not supported (expected Sequential, or a functional Model that is a chain)");
        }
    }

    private static List<TfjsLayer> readLayers(String source, JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new TfjsImportException(source + ": the model topology has no layers");
        }
        List<TfjsLayer> layers = new ArrayList<>();
        for (JsonNode node : list) {
            String cls = node.path("class_name").asText("");
            JsonNode cfg = node.path("config");
            String name = cfg.path("name").asText(node.path("name").asText(""));
            if (cls.isEmpty() || name.isEmpty()) {
                throw new TfjsImportException(source + ": layer " + layers.size() + " has no class_name or name");
            }
            layers.add(new TfjsLayer(cls, name, cfg));
        }
        return layers;
    }

    /** Accepts a functional graph only when every layer reads exactly the layer listed before it. */
    private static void checkChain(String source, JsonNode config, List<TfjsLayer> layers) {
        JsonNode list = config.get("layers");
        for (int i = 0; i < layers.size(); i++) {
            TfjsLayer layer = layers.get(i);
            List<List<String>> nodes = inboundNodes(list.get(i).path("inbound_nodes"));
            if (i == 0) {
                if (!layer.className().equals("InputLayer") || !nodes.isEmpty()) {
                    throw new TfjsImportException(source + ": functional model: first layer " + layer.label()
                            + " is not its only InputLayer");
                }
                continue;
            }
            if (layer.className().equals("InputLayer")) {
                throw new TfjsImportException(source + ": layer " + layer.label()
                        + " is a second input: models with several inputs are not supported");
            }
            if (nodes.size() != 1) {
                throw new TfjsImportException(source + ": layer " + layer.label() + " is applied " + nodes.size()
                        + " times: shared layers are not supported, only chains of layers");
            }
            List<String> inputs = nodes.get(0);
            if (inputs.size() != 1) {
                throw new TfjsImportException(source + ": layer " + layer.label() + " takes " + inputs.size()
                        + " inputs (" + String.join(", ", inputs) + "): functional graphs with branches or"
                        + " merges are not supported, only chains of layers");
            }
            String previous = layers.get(i - 1).name();
            if (!inputs.get(0).equals(previous)) {
                throw new TfjsImportException(source + ": layer " + layer.label() + " reads '" + inputs.get(0)
                        + "', not the layer before it ('" + previous + "'): only chains of layers are supported");
            }
        }
        JsonNode outputs = config.path("output_layers");
        List<String> outputNames = new ArrayList<>();
        collectNames(outputs, outputNames);
        String last = layers.get(layers.size() - 1).name();
        if (!outputNames.isEmpty() && !(outputNames.size() == 1 && outputNames.get(0).equals(last))) {
            throw new TfjsImportException(source + ": the model outputs " + outputNames + ", not only its last layer '"
                    + last + "': only single-output chains are supported");
        }
    }

    /** The inbound layer names of each call of a layer (Keras 2 lists or Keras 3 keras_history objects). */
    private static List<List<String>> inboundNodes(JsonNode inbound) {
        List<List<String>> nodes = new ArrayList<>();
        if (inbound == null || !inbound.isArray()) {
            return nodes;
        }
        for (JsonNode node : inbound) {
            List<String> names = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode tensor : node) {
                    if (tensor.isArray() && !tensor.isEmpty() && tensor.get(0).isTextual()) {
                        names.add(tensor.get(0).asText());
                    }
                }
            } else if (node.isObject()) {
                collectHistories(node.path("args"), names);
            }
            nodes.add(names);
        }
        return nodes;
    }

    private static void collectHistories(JsonNode node, List<String> names) {
        if (node.isObject()) {
            JsonNode history = node.path("config").path("keras_history");
            if (history.isArray() && !history.isEmpty()) {
                names.add(history.get(0).asText());
                return;
            }
            node.forEach(child -> collectHistories(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collectHistories(child, names));
        }
    }

    private static void collectNames(JsonNode outputs, List<String> names) {
        if (outputs.isArray() && !outputs.isEmpty() && outputs.get(0).isTextual()) {
            names.add(outputs.get(0).asText());
        } else if (outputs.isArray()) {
            outputs.forEach(o -> collectNames(o, names));
        }
    }

    /** Parameters per layer name; every weight must belong to a layer of the topology. */
    private static Map<String, Long> params(String source, JsonNode manifest, List<TfjsLayer> layers) {
        if (manifest == null || !manifest.isArray()) {
            throw new TfjsImportException(source + ": no weightsManifest: the parameter counts come from its weight"
                    + " shapes");
        }
        Map<String, Long> params = new HashMap<>();
        for (JsonNode group : manifest) {
            for (JsonNode weight : group.path("weights")) {
                String name = weight.path("name").asText("");
                JsonNode shape = weight.get("shape");
                if (name.isEmpty() || shape == null || !shape.isArray()) {
                    throw new TfjsImportException(source + ": weightsManifest entry without name or shape: " + weight);
                }
                long count = 1;
                for (JsonNode d : shape) {
                    if (!d.canConvertToLong() || d.asLong() < 0) {
                        throw new TfjsImportException(source + ": weight '" + name + "' has a bad shape " + shape);
                    }
                    count = Math.multiplyExact(count, d.asLong());
                }
                params.merge(owner(source, name, layers), count, Long::sum);
            }
        }
        return params;
    }

    /** The layer a weight belongs to: the longest layer name that its path (without the last part) ends with. */
    private static String owner(String source, String weightName, List<TfjsLayer> layers) {
        int slash = weightName.lastIndexOf('/');
        if (slash <= 0) {
            throw new TfjsImportException(source + ": weight '" + weightName + "' has no layer prefix (layer/weight)");
        }
        String path = weightName.substring(0, slash);
        String best = null;
        for (TfjsLayer layer : layers) {
            String n = layer.name();
            if ((path.equals(n) || path.endsWith("/" + n)) && (best == null || n.length() > best.length())) {
                best = n;
            }
        }
        if (best == null) {
            throw new TfjsImportException(source + ": weight '" + weightName + "' belongs to no layer of the model");
        }
        return best;
    }
}
