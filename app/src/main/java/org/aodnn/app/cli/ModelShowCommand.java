package org.aodnn.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.cli.TextTable;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One model with its layer table. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a model and its layer table.")
public final class ModelShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "Model name (see 'aodnn models')")
    String name;

    @Option(names = "--json", description = "Print the model and its layers as JSON")
    boolean json;

    @Override
    public Integer call() {
        DnnModel model;
        try (Store store = storeOptions.open()) {
            model = store.models().find(name).orElseThrow(() -> new CommandFailure(
                    "no model named '" + name + "' in the catalog (list them with 'aodnn models')"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("name", model.name()).put("source", model.source()).put("layers", model.layers().size())
                    .put("params", model.totalParams()).put("flops", model.totalFlops());
            ArrayNode table = doc.putArray("layer_table");
            for (ModelLayer l : model.layers()) {
                LayerGeometry g = l.geometry();
                table.addObject().put("layer_index", l.layerIndex()).put("layer_name", l.layerName())
                        .put("layer_type", g.layerType()).put("in_shape", g.inShape()).put("out_shape", g.outShape())
                        .put("in_elems", g.inElems()).put("out_elems", g.outElems())
                        .put("in_channels", g.inChannels()).put("out_channels", g.outChannels())
                        .put("kernel_h", g.kernelH()).put("kernel_w", g.kernelW()).put("stride", g.stride())
                        .put("padding", g.padding()).put("groups", g.groups()).put("params", g.params())
                        .put("flops", g.flops()).put("cut_after", l.cutAfter())
                        .put("crossing_elems", l.crossingElems());
            }
            Json.print(out, doc);
        } else {
            out.printf("%s: %d layers, %d parameters, %.2f GFLOPs (%s)%n", model.name(), model.layers().size(),
                    model.totalParams(), model.totalFlops() / 1e9, model.source());
            TextTable table = new TextTable("#", "LAYER", "TYPE", "IN", "OUT", "PARAMS", "FLOPS", "CUT");
            for (ModelLayer l : model.layers()) {
                LayerGeometry g = l.geometry();
                table.row(l.layerIndex(), l.layerName(), g.layerType(), g.inShape(), g.outShape(), g.params(),
                        g.flops(), l.cutAfter() ? "yes" : "");
            }
            table.print(out);
        }
        return 0;
    }
}
