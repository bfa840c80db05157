package org.aodnn.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.cli.TextTable;
import org.aodnn.db.domain.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The catalog of DNN models: {@code aodnn models}, with {@code show} and {@code import} below it. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the catalog of DNN models.",
        subcommands = {ModelShowCommand.class})
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json", description = "Print {\"models\": [{name, layers, params, flops}]}")
    boolean json;

    @Override
    public Integer call() {
        List<ModelSummary> models;
        try (Store store = storeOptions.open()) {
            models = store.models().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode doc = Json.object();
            ArrayNode array = doc.putArray("models");
            for (ModelSummary m : models) {
                array.addObject().put("name", m.name()).put("layers", m.layers()).put("params", m.params())
                        .put("flops", m.flops());
            }
            Json.print(out, doc);
        } else {
            TextTable table = new TextTable("MODEL", "LAYERS", "PARAMS", "GFLOPS", "SOURCE");
            for (ModelSummary m : models) {
                table.row(m.name(), m.layers(), m.params(), String.format("%.2f", m.flops() / 1e9), m.source());
            }
            table.print(out);
        }
        return 0;
    }
}
