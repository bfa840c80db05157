package org.aodnn.policyeditor.source;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.LayerValues;

/**
 * Reads one per-layer quantity of a model from a CSV file: the column {@code layer_index} and the value
 * column ({@link #LATENCY_MS} or {@link #ENERGY_J}); other columns are ignored. When the file has a
 * {@code model} column, only the rows of the wanted model are read (so a multi-model export works).
 * Every layer of the model must appear exactly once: a missing, duplicate or out-of-range index is a
 * {@link CsvFormatException} naming the index, the file and the line.
 */
public final class LayerValuesCsv {

    public static final String LAYER_INDEX = "layer_index";
    public static final String LATENCY_MS = "latency_ms";
    public static final String ENERGY_J = "energy_j";
    private static final int MAX_LISTED = 10;

    private LayerValuesCsv() {
    }

    public static LayerValues read(Path file, String valueColumn, DnnModel model) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        return read(CsvTable.read(file), valueColumn, model);
    }

    public static LayerValues read(String source, Reader reader, String valueColumn, DnnModel model)
            throws IOException {
        return read(CsvTable.read(source, reader), valueColumn, model);
    }

    public static LayerValues read(CsvTable table, String valueColumn, DnnModel model) {
        table.requireColumns(List.of(LAYER_INDEX, valueColumn));
        int n = model.layers().size();
        double[] values = new double[n];
        int[] lineOf = new int[n];
        boolean filterByModel = table.hasColumn("model");
        TreeSet<String> otherModels = new TreeSet<>();
        for (CsvTable.Row row : table.rows()) {
            if (filterByModel) {
                String rowModel = row.text("model");
                if (!rowModel.equals(model.name())) {
                    otherModels.add(rowModel);
                    continue;
                }
            }
            int index = row.nonNegativeInt(LAYER_INDEX);
            if (index >= n) {
                throw row.problem(LAYER_INDEX, "layer_index " + index + " does not exist: model " + model.name()
                        + " has layers 0.." + (n - 1));
            }
            if (lineOf[index] != 0) {
                throw row.problem(LAYER_INDEX, "duplicate layer_index " + index + " ("
                        + model.layers().get(index).layerName() + "), first on line " + lineOf[index]);
            }
            values[index] = row.nonNegativeDouble(valueColumn);
            lineOf[index] = row.line();
        }
        List<String> missing = new ArrayList<>();
        int missingCount = 0;
        for (int i = 0; i < n; i++) {
            if (lineOf[i] == 0) {
                missingCount++;
                if (missing.size() < MAX_LISTED) {
                    missing.add(i + " (" + model.layers().get(i).layerName() + ")");
                }
            }
        }
        if (missingCount == n && filterByModel) {
            throw new CsvFormatException(table.source(), 0, "model", "no rows for model " + model.name()
                    + (otherModels.isEmpty() ? "" : " (the file has " + String.join(", ", otherModels) + ")"));
        }
        if (missingCount > 0) {
            String more = missingCount > missing.size() ? " and " + (missingCount - missing.size()) + " more" : "";
            throw new CsvFormatException(table.source(), 0, LAYER_INDEX, "missing layer_index "
                    + String.join(", ", missing) + more + " of model " + model.name() + " (" + n + " layers)");
        }
        return new LayerValues(table.source() + " " + valueColumn, values);
    }

    /** The values as a CSV document with the columns this reader needs (for exports and tests). */
    public static String write(DnnModel model, String valueColumn, double[] values) {
        if (values.length != model.layers().size()) {
            throw new IllegalArgumentException(values.length + " values for " + model.layers().size() + " layers: "
                    + Arrays.toString(values));
        }
        StringBuilder out = new StringBuilder("layer_index,layer_name,").append(valueColumn).append('\n');
        for (int i = 0; i < values.length; i++) {
            out.append(i).append(',').append(model.layers().get(i).layerName().replace(",", " "))
                    .append(',').append(values[i]).append('\n');
        }
        return out.toString();
    }
}
