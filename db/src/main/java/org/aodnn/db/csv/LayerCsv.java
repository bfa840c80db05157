package org.aodnn.db.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.LayerTypes;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.domain.ModelLayer;

/**
 * The project's layer-CSV formats: measurements as in {@code edge-layer-latency.csv} (optionally with
 * {@code backend}, {@code browser} and latency statistics) and layer tables as in {@code model-layers.csv}.
 * Reading validates every row before anything is returned, so a caller never stores half a file.
 */
public final class LayerCsv {

    public static final List<String> GEOMETRY_COLUMNS = List.of(
            "layer_type", "in_shape", "out_shape", "in_elems", "out_elems", "in_channels", "out_channels",
            "kernel_h", "kernel_w", "stride", "padding", "groups", "params", "flops");

    public static final List<String> MEASUREMENT_COLUMNS = concat(
            List.of("model", "layer_index", "layer_name", "target", "threads", "latency_ms", "reps"),
            GEOMETRY_COLUMNS);

    /** Written on export and read back on import when present. */
    public static final List<String> OPTIONAL_MEASUREMENT_COLUMNS = List.of(
            "backend", "browser", "platform", "latency_min_ms", "latency_max_ms", "latency_stddev_ms",
            "cpu_freq_khz", "energy_mj");

    public static final List<String> MODEL_LAYER_COLUMNS = concat(
            concat(List.of("model", "layer_index", "layer_name"), GEOMETRY_COLUMNS),
            List.of("cut_after", "crossing_elems"));

    private LayerCsv() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    public static LayerGeometry geometry(CsvTable.Row row) {
        String type = row.text("layer_type");
        if (!LayerTypes.isKnown(type)) {
            throw row.problem("layer_type", "unknown layer type '" + type + "'");
        }
        return new LayerGeometry(type, row.text("in_shape"), row.text("out_shape"),
                row.nonNegativeLong("in_elems"), row.nonNegativeLong("out_elems"),
                row.nonNegativeInt("in_channels"), row.nonNegativeInt("out_channels"),
                row.nonNegativeInt("kernel_h"), row.nonNegativeInt("kernel_w"),
                row.nonNegativeInt("stride"), row.nonNegativeInt("padding"), row.nonNegativeInt("groups"),
                row.nonNegativeLong("params"), row.nonNegativeLong("flops"));
    }

    /**
     * Reads measurements. The platform of each row is its {@code platform} column when present, else
     * {@code defaultPlatform} applied to the row's target and backend.
     */
    public static List<LayerMeasurement> readMeasurements(CsvTable table,
                                                          BiFunction<String, String, String> defaultPlatform) {
        return readMeasurements(table, defaultPlatform, false);
    }

    /** Reads measurements, all on {@code platform} whatever a {@code platform} column says. */
    public static List<LayerMeasurement> readMeasurements(CsvTable table, String platform) {
        return readMeasurements(table, (target, backend) -> platform, true);
    }

    private static List<LayerMeasurement> readMeasurements(CsvTable table,
                                                           BiFunction<String, String, String> defaultPlatform,
                                                           boolean ignorePlatformColumn) {
        table.requireColumns(MEASUREMENT_COLUMNS);
        List<LayerMeasurement> out = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String target = row.text("target");
            String backend = row.optional("backend").orElse("");
            String browser = row.optional("browser").orElse("");
            String platform = ignorePlatformColumn ? defaultPlatform.apply(target, backend)
                    : row.optional("platform").orElseGet(() -> defaultPlatform.apply(target, backend));
            MeasurementKey key = new MeasurementKey(platform, row.text("model"),
                    row.nonNegativeInt("layer_index"), target, row.nonNegativeInt("threads"), backend, browser);
            out.add(new LayerMeasurement(key, row.text("layer_name"), geometry(row),
                    row.nonNegativeDouble("latency_ms"),
                    row.optionalNonNegativeDouble("latency_min_ms"),
                    row.optionalNonNegativeDouble("latency_max_ms"),
                    row.optionalNonNegativeDouble("latency_stddev_ms"),
                    row.nonNegativeInt("reps"),
                    row.optionalNonNegativeLong("cpu_freq_khz"),
                    row.optionalNonNegativeDouble("energy_mj"),
                    null, null));
        }
        return out;
    }

    /** Reads layer tables, grouped into models in file order; layer indexes must run 0, 1, 2, ... */
    public static List<DnnModel> readModels(CsvTable table, String source) {
        table.requireColumns(MODEL_LAYER_COLUMNS);
        List<DnnModel> models = new ArrayList<>();
        String current = null;
        List<ModelLayer> layers = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String model = row.text("model");
            if (!model.equals(current)) {
                if (current != null) {
                    models.add(new DnnModel(current, source, layers));
                }
                current = model;
                layers = new ArrayList<>();
            }
            int index = row.nonNegativeInt("layer_index");
            if (index != layers.size()) {
                throw row.problem("layer_index", "expected layer " + layers.size() + " of " + model
                        + ", found " + index);
            }
            layers.add(new ModelLayer(index, row.text("layer_name"), geometry(row), row.flag("cut_after"),
                    row.nonNegativeLong("crossing_elems")));
        }
        if (current != null) {
            models.add(new DnnModel(current, source, layers));
        }
        return models;
    }

    /** Writes measurements in the import format (every optional column, empty where unknown). */
    public static void writeMeasurements(List<LayerMeasurement> rows, Writer out) throws IOException {
        List<String> header = concat(MEASUREMENT_COLUMNS, OPTIONAL_MEASUREMENT_COLUMNS);
        out.write(String.join(",", header));
        out.write('\n');
        for (LayerMeasurement m : rows) {
            MeasurementKey k = m.key();
            LayerGeometry g = m.geometry();
            List<String> cells = List.of(
                    quote(k.model()), Integer.toString(k.layerIndex()), quote(m.layerName()), quote(k.target()),
                    Integer.toString(k.threads()), number(m.latencyMs()), Integer.toString(m.reps()),
                    quote(g.layerType()), quote(g.inShape()), quote(g.outShape()), Long.toString(g.inElems()),
                    Long.toString(g.outElems()), Integer.toString(g.inChannels()),
                    Integer.toString(g.outChannels()), Integer.toString(g.kernelH()),
                    Integer.toString(g.kernelW()), Integer.toString(g.stride()), Integer.toString(g.padding()),
                    Integer.toString(g.groups()), Long.toString(g.params()), Long.toString(g.flops()),
                    quote(k.backend()), quote(k.browser()), quote(k.platform()), number(m.latencyMinMs()),
                    number(m.latencyMaxMs()), number(m.latencyStddevMs()),
                    m.cpuFreqKhz() == null ? "" : m.cpuFreqKhz().toString(), number(m.energyMj()));
            out.write(String.join(",", cells));
            out.write('\n');
        }
    }

    private static String number(Double value) {
        // Shortest round-trip form: an export re-imports to bit-identical values.
        return value == null ? "" : Double.toString(value).toLowerCase(Locale.ROOT);
    }

    /** A CSV cell: quoted (with doubled quotes) only when it holds a comma or a quote. */
    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
