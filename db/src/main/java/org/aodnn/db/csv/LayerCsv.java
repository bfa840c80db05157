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

    /**
     * The longest text each column may hold (the database's column sizes): a longer value is refused naming
     * its line and column rather than failing the whole import inside the database.
     */
    private static final java.util.Map<String, Integer> MAX_TEXT = java.util.Map.of(
            "platform", 120, "model", 200, "layer_name", 400, "target", 40, "backend", 40, "browser", 200,
            "layer_type", 80, "in_shape", 120, "out_shape", 120);

    /**
     * A layer's latency (ms) and energy (mJ) above these are no measurement (a day per layer; the energy of
     * several phone batteries): a typo or a unit mix-up, refused before it makes a predictor's sums infinite.
     */
    public static final double MAX_LATENCY_MS = 8.64e7;
    public static final double MAX_ENERGY_MJ = 1e9;

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
        String type = text(row, "layer_type");
        if (!LayerTypes.isKnown(type)) {
            throw row.problem("layer_type", "unknown layer type '" + type + "'");
        }
        return new LayerGeometry(type, text(row, "in_shape"), text(row, "out_shape"),
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
        refuseLookalikeColumns(table, concat(MEASUREMENT_COLUMNS, OPTIONAL_MEASUREMENT_COLUMNS));
        List<LayerMeasurement> out = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String target = text(row, "target");
            String backend = optionalText(row, "backend");
            String browser = optionalText(row, "browser");
            String platform = ignorePlatformColumn ? defaultPlatform.apply(target, backend)
                    : row.optional("platform").map(p -> text(row, "platform"))
                            .orElseGet(() -> defaultPlatform.apply(target, backend));
            if (platform.length() > MAX_TEXT.get("platform")) {
                throw row.problem("platform", "the platform name '" + platform.substring(0, 40) + "…' is "
                        + platform.length() + " characters long; at most " + MAX_TEXT.get("platform") + " fit");
            }
            MeasurementKey key = new MeasurementKey(platform, text(row, "model"),
                    row.nonNegativeInt("layer_index"), target, row.nonNegativeInt("threads"), backend, browser);
            out.add(new LayerMeasurement(key, text(row, "layer_name"), geometry(row),
                    atMost(row, "latency_ms", row.nonNegativeDouble("latency_ms"), MAX_LATENCY_MS),
                    atMost(row, "latency_min_ms", row.optionalNonNegativeDouble("latency_min_ms"), MAX_LATENCY_MS),
                    atMost(row, "latency_max_ms", row.optionalNonNegativeDouble("latency_max_ms"), MAX_LATENCY_MS),
                    atMost(row, "latency_stddev_ms", row.optionalNonNegativeDouble("latency_stddev_ms"), MAX_LATENCY_MS),
                    row.nonNegativeInt("reps"),
                    row.optionalNonNegativeLong("cpu_freq_khz"),
                    atMost(row, "energy_mj", row.optionalNonNegativeDouble("energy_mj"), MAX_ENERGY_MJ),
                    null, null));
        }
        return out;
    }

    /** A column's text, refused when longer than the database holds. */
    private static String text(CsvTable.Row row, String column) {
        String value = row.text(column);
        Integer max = MAX_TEXT.get(column);
        if (max != null && value.length() > max) {
            throw row.problem(column, "the value is " + value.length() + " characters long; at most " + max + " fit");
        }
        return value;
    }

    private static String optionalText(CsvTable.Row row, String column) {
        return row.optional(column).isPresent() ? text(row, column) : "";
    }

    private static Double atMost(CsvTable.Row row, String column, Double value, double max) {
        if (value != null && value > max) {
            throw row.problem(column, value + " is beyond any measurement (at most " + max + "): a typo or a unit mix-up?");
        }
        return value;
    }

    /**
     * A column whose name differs from a known column that the file lacks only in letter case, or by one letter
     * in a long name, is most likely that column misspelled ({@code energy_mJ}, {@code latency_stdev_ms}); read as an unknown extra
     * column its values would be dropped without a word, so it is refused naming the column meant.
     */
    static void refuseLookalikeColumns(CsvTable table, List<String> known) {
        for (String column : table.header()) {
            if (known.contains(column)) {
                continue;
            }
            for (String k : known) {
                if (table.hasColumn(k)) {
                    continue; // the column it resembles is there too: this one is an extra (latency_us beside latency_ms)
                }
                // a case slip, or one letter off in a long name; shorter names differ by design (runs / reps)
                if (k.equalsIgnoreCase(column)
                        || k.length() >= 6 && editDistance(k, column.toLowerCase(Locale.ROOT)) <= 1) {
                    throw new CsvFormatException(table.source(), 1, column,
                            "unknown column; did you mean '" + k + "'? (column names are lower case, as in the format)");
                }
            }
        }
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Reads layer tables, grouped into models in file order; layer indexes must run 0, 1, 2, ... */
    public static List<DnnModel> readModels(CsvTable table, String source) {
        table.requireColumns(MODEL_LAYER_COLUMNS);
        List<DnnModel> models = new ArrayList<>();
        String current = null;
        List<ModelLayer> layers = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String model = text(row, "model");
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
            layers.add(new ModelLayer(index, text(row, "layer_name"), geometry(row), row.flag("cut_after"),
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

    /**
     * A CSV cell: quoted (with doubled quotes) only when it holds a comma or a quote, or starts or ends with
     * white space, which an unquoted cell loses on reading (so an export re-imports to the same keys).
     */
    public static String quote(String value) {
        boolean padded = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && !padded) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
