package org.aodnn.policyeditor.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerTypes;
import org.aodnn.db.domain.ModelLayer;
import org.junit.jupiter.api.Test;

/** The layer tables of the two fixtures, worked out by hand, and the errors for what cannot be imported. */
class TfjsModelImporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path fixture(String dir) {
        try {
            return Path.of(TfjsModelImporterTest.class.getResource("/tfjs/" + dir + "/model.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(ModelLayer layer, int index, String name, String type, String in, String out,
                            long params, long flops, boolean cut, long crossing) {
        LayerGeometry g = layer.geometry();
        String where = "row " + index + " " + name;
        assertEquals(index, layer.layerIndex(), where);
        assertEquals(name, layer.layerName(), where);
        assertEquals(type, g.layerType(), where);
        assertEquals(in, g.inShape(), where);
        assertEquals(out, g.outShape(), where);
        assertEquals(params, g.params(), where);
        assertEquals(flops, g.flops(), where);
        assertEquals(cut, layer.cutAfter(), where);
        assertEquals(crossing, layer.crossingElems(), where);
        assertTrue(LayerTypes.isKnown(g.layerType()), where);
    }

    @Test
    void sequentialModelBecomesALayerTableInTheCatalogConventions() {
        DnnModel m = TfjsModelImporter.importFile(fixture("small-cnn"), null);
        assertEquals("small-cnn", m.name(), "named after the directory of model.json");
        assertTrue(m.source().startsWith("tfjs:") && m.source().endsWith("model.json"));
        List<ModelLayer> l = m.layers();
        assertEquals(10, l.size());
        // conv2d: 3x3x3x8 + 8 = 224 params; 'same' keeps 32x32; flops 2·8192·27.
        row(l.get(0), 0, "conv2d", "Conv2d", "1x3x32x32", "1x8x32x32", 224, 442_368, false, 0);
        row(l.get(1), 1, "conv2d/relu", "ReLU", "1x8x32x32", "1x8x32x32", 0, 8192, true, 8192);
        assertEquals(1, l.get(0).geometry().padding());
        assertEquals(3, l.get(0).geometry().kernelH());
        // gamma, beta, moving mean and variance: 4·8.
        row(l.get(2), 2, "batch_normalization", "BatchNorm2d", "1x8x32x32", "1x8x32x32", 32, 8192, true, 8192);
        // depthwise 3x3 stride 2 'same': 32 -> 16, 3·3·8 = 72 params, flops 2·2048·9, groups = channels.
        row(l.get(3), 3, "depthwise_conv2d", "Conv2d", "1x8x32x32", "1x8x16x16", 72, 36_864, true, 2048);
        assertEquals(8, l.get(3).geometry().groups());
        assertEquals(2, l.get(3).geometry().stride());
        assertEquals(1, l.get(3).geometry().padding(), "TF 'same' pads 0 before and 1 after: the larger side");
        row(l.get(4), 4, "re_lu", "ReLU6", "1x8x16x16", "1x8x16x16", 0, 2048, true, 2048);
        row(l.get(5), 5, "conv2d_1", "Conv2d", "1x8x16x16", "1x16x16x16", 128, 65_536, true, 4096);
        row(l.get(6), 6, "max_pooling2d", "MaxPool2d", "1x16x16x16", "1x16x8x8", 0, 4096, true, 1024);
        row(l.get(7), 7, "global_average_pooling2d", "AdaptiveAvgPool2d", "1x16x8x8", "1x16x1x1", 0, 1024, true, 16);
        // Dropout has no row; dense 16·10 + 10.
        row(l.get(8), 8, "dense", "Linear", "1x16", "1x10", 170, 320, false, 0);
        row(l.get(9), 9, "dense/softmax", "Softmax", "1x10", "1x10", 0, 10, true, 10);
        assertEquals(626, m.totalParams());
        assertEquals(3 * 32 * 32, l.get(0).geometry().inElems());
    }

    @Test
    void functionalChainWithFlattenIsImported() {
        DnnModel m = TfjsModelImporter.importFile(fixture("mnist-chain"), "mnist");
        assertEquals("mnist", m.name());
        List<ModelLayer> l = m.layers();
        assertEquals(3, l.size());
        row(l.get(0), 0, "conv", "Conv2d", "1x1x28x28", "1x4x26x26", 40, 2 * 2704 * 9, false, 0);
        row(l.get(1), 1, "conv/relu", "ReLU", "1x4x26x26", "1x4x26x26", 0, 2704, true, 2704);
        row(l.get(2), 2, "logits", "Linear", "1x2704", "1x10", 27_050, 2 * 2704 * 10, true, 10);
    }

    private static ObjectNode smallCnn() throws IOException {
        return (ObjectNode) MAPPER.readTree(Files.readString(fixture("small-cnn")));
    }

    private static ArrayNode layers(ObjectNode doc) {
        return (ArrayNode) doc.path("modelTopology").path("model_config").path("config").path("layers");
    }

    private static String failure(ObjectNode doc) {
        return assertThrows(TfjsImportException.class,
                () -> TfjsModelImporter.importJson("model.json", MAPPER.writeValueAsString(doc), "x", "test")).getMessage();
    }

    private static String failure(Consumer<ObjectNode> change) throws IOException {
        ObjectNode doc = smallCnn();
        change.accept(doc);
        return failure(doc);
    }

    @Test
    void unsupportedLayerIsNamed() throws IOException {
        String message = failure(doc -> layers(doc).insert(1, MAPPER.createObjectNode().put("class_name", "ZeroPadding2D")
                .set("config", MAPPER.createObjectNode().put("name", "zero_padding2d"))));
        assertTrue(message.contains("'zero_padding2d' (ZeroPadding2D)") && message.contains("not supported"), message);
        assertTrue(message.startsWith("model.json:"), message);
    }

    @Test
    void unsupportedActivationIsNamed() throws IOException {
        String message = failure(doc -> ((ObjectNode) layers(doc).get(1).get("config")).put("activation", "selu"));
        assertTrue(message.contains("'conv2d' (Conv2D)") && message.contains("selu"), message);
    }

    @Test
    void weightsThatDoNotMatchTheConfigAreRejected() throws IOException {
        String message = failure(doc -> ((ArrayNode) doc.path("weightsManifest").get(0).path("weights").get(4)
                .get("shape")).set(3, MAPPER.getNodeFactory().numberNode(16)));
        assertTrue(message.contains("'conv2d' (Conv2D)") && message.contains("440") && message.contains("224"), message);
        String stray = failure(doc -> ((ArrayNode) doc.path("weightsManifest").get(0).path("weights"))
                .addObject().put("name", "head/kernel").putArray("shape").add(3));
        assertTrue(stray.contains("head/kernel"), stray);
        String none = failure(doc -> doc.remove("weightsManifest"));
        assertTrue(none.contains("weightsManifest"), none);
    }

    @Test
    void denseOnAnImageNeedsAFlatten() throws IOException {
        String message = failure(doc -> {
            layers(doc).remove(7); // global pooling
        });
        assertTrue(message.contains("'dense' (Dense)") && message.contains("Flatten"), message);
    }

    @Test
    void branchingFunctionalGraphIsRejectedNamingTheMerge() throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Files.readString(fixture("mnist-chain")));
        ArrayNode list = (ArrayNode) doc.path("modelTopology").path("config").path("layers");
        ObjectNode add = list.insertObject(2);
        add.put("class_name", "Add").put("name", "add");
        add.putObject("config").put("name", "add");
        ArrayNode node = add.putArray("inbound_nodes").addArray();
        node.addArray().add("conv").add(0).add(0).addObject();
        node.addArray().add("image").add(0).add(0).addObject();
        String message = failure(doc);
        assertTrue(message.contains("'add' (Add)") && message.contains("2 inputs") && message.contains("branches"),
                message);

        ObjectNode skip = (ObjectNode) MAPPER.readTree(Files.readString(fixture("mnist-chain")));
        ((ArrayNode) skip.path("modelTopology").path("config").path("layers").get(3).path("inbound_nodes").get(0).get(0))
                .set(0, MAPPER.getNodeFactory().textNode("conv"));
        String reads = failure(skip);
        assertTrue(reads.contains("'logits' (Dense)") && reads.contains("reads 'conv'"), reads);
    }

    @Test
    void sizesBeyondAnyRealNetworkAndFractionalSizesAreRefusedNotWrapped() throws IOException {
        String huge = failure(doc -> {
            ArrayNode shape = (ArrayNode) layers(doc).get(0).get("config").get("batch_input_shape");
            shape.set(1, MAPPER.getNodeFactory().numberNode(2_000_000_000L));
            shape.set(2, MAPPER.getNodeFactory().numberNode(2_000_000_000L));
        });
        assertTrue(huge.contains("fixed input size (whole numbers from 1 to 16777216)"), huge);
        String fractional = failure(doc -> ((ObjectNode) layers(doc).get(1).get("config")).put("filters", 8.5));
        assertTrue(fractional.contains("filters must be a whole number") && fractional.contains("8.5"), fractional);
    }

    @Test
    void otherFormatsAndMissingInputShapeAreExplained() throws IOException {
        String graph = failure(doc -> doc.put("format", "graph-model"));
        assertTrue(graph.contains("graph-model"), graph);
        String shape = failure(doc -> ((ObjectNode) layers(doc).get(0).get("config")).remove("batch_input_shape"));
        assertTrue(shape.contains("input shape"), shape);
        String unknownDim = failure(doc -> ((ArrayNode) layers(doc).get(0).get("config").get("batch_input_shape"))
                .set(1, MAPPER.getNodeFactory().nullNode()));
        assertTrue(unknownDim.contains("fixed input size"), unknownDim);
        TfjsImportException notJson = assertThrows(TfjsImportException.class,
                () -> TfjsModelImporter.importJson("m.json", "{", "x", "t"));
        assertTrue(notJson.getMessage().startsWith("m.json: not valid JSON"));
        String nested = failure(doc -> layers(doc).insert(2, MAPPER.createObjectNode().put("class_name", "Sequential")
                .set("config", MAPPER.createObjectNode().put("name", "inner"))));
        assertTrue(nested.contains("'inner' (Sequential)") && nested.contains("nested"), nested);
    }

    @Test
    void defaultNamesComeFromTheFile() {
        assertEquals("small-cnn", TfjsModelImporter.defaultName(fixture("small-cnn")));
        assertEquals("mobilenet", TfjsModelImporter.defaultName(Path.of("/x/mobilenet.json")));
        assertFalse(TfjsModelImporter.defaultName(Path.of("model.json")).isEmpty());
    }
}
