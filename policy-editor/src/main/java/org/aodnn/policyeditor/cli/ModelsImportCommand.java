package org.aodnn.policyeditor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.policyeditor.tfjs.TfjsImportException;
import org.aodnn.policyeditor.tfjs.TfjsModelImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn models import FILE}: adds a TF.js Layers model ({@code model.json}) to the catalog. The file
 * is checked completely first; the model is stored in one transaction or not at all.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a TF.js Layers model (model.json) into the model catalog.")
public final class ModelsImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The model.json of a TF.js Layers model")
    Path file;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Catalog name (default: the directory of model.json, else the file name)")
    String name;

    @Option(names = "--json", description = "Print {model, source, layers, params, flops, cuts} as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(file + ": no such file");
        }
        DnnModel model;
        try {
            model = TfjsModelImporter.importFile(file, name);
            try (Store store = storeOptions.open()) {
                store.models().add(model);
            }
        } catch (TfjsImportException | StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        long cuts = model.layers().stream().filter(ModelLayer::cutAfter).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("model", model.name());
            doc.put("source", model.source());
            doc.put("layers", model.layers().size());
            doc.put("params", model.totalParams());
            doc.put("flops", model.totalFlops());
            doc.put("cuts", cuts);
            Json.print(out, doc);
        } else {
            out.printf(Locale.ROOT, "Imported %s: %d layers, %d params, %.3f GFLOPs, %d cut points.%n", model.name(),
                    model.layers().size(), model.totalParams(), model.totalFlops() / 1e9, cuts);
            out.flush();
        }
        return 0;
    }
}
