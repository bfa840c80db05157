package org.aodnn.policyeditor.tfjs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;

/**
 * Reads a TF.js Layers {@code model.json} (layer configs and weightsManifest shapes; the weight files are
 * not needed) into a catalog model: its layer table with geometry, params, flops, cut points and crossing
 * sizes (see {@link TfjsLayerTable} for the conventions). Sequential models and functional models that are
 * a single chain are supported; anything else fails with a {@link TfjsImportException} naming the layer.
 */
public final class TfjsModelImporter {

    /** Column sizes of the catalog tables ({@code dnn_model.name}, {@code dnn_model.source}). */
    static final int MAX_NAME = 200;
    static final int MAX_SOURCE = 400;

    private TfjsModelImporter() {
    }

    /** Imports {@code file} as a model named {@code name} ({@code null}: {@link #defaultName}). */
    public static DnnModel importFile(Path file, String name) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TfjsImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        Path absolute = file.toAbsolutePath().normalize();
        String modelName = name != null ? name : defaultName(file);
        String catalogSource = "tfjs:" + absolute;
        if (catalogSource.length() > MAX_SOURCE) {
            // Keep the end of the path: the directory and file name say the most.
            catalogSource = "tfjs:..." + catalogSource.substring(catalogSource.length() - (MAX_SOURCE - 8));
        }
        return importJson(file.toString(), json, modelName, catalogSource);
    }

    /** Imports a model.json document; {@code source} names it in errors, {@code catalogSource} is stored. */
    public static DnnModel importJson(String source, String json, String modelName, String catalogSource) {
        if (modelName == null || modelName.isBlank()) {
            throw new TfjsImportException(source + ": the model needs a non-empty name");
        }
        if (modelName.length() > MAX_NAME) {
            throw new TfjsImportException(source + ": model name is longer than " + MAX_NAME + " characters");
        }
        List<ModelLayer> layers = TfjsLayerTable.build(TfjsTopology.parse(source, json));
        return new DnnModel(modelName, catalogSource, layers);
    }

    /**
     * The catalog name for a file: its directory's name for the conventional {@code model.json} (TF.js
     * exports one model per directory), else the file name without {@code .json}.
     */
    public static String defaultName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String fileName = abs.getFileName().toString();
        if (fileName.equals("model.json") && abs.getParent() != null && abs.getParent().getFileName() != null) {
            return abs.getParent().getFileName().toString();
        }
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }
}
