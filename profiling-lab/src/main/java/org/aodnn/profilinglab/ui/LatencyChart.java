package org.aodnn.profilinglab.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * Shows result rows as latency per layer, one series per backend (per model and backend when several
 * models are shown). JavaFX has no logarithmic axis, so points are plotted at log10(ms) and the axis
 * labels say the milliseconds: layer latencies span four orders of magnitude (ReLU to large convolutions).
 */
final class LatencyChart {

    private final LineChart<Number, Number> chart;
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();

    private LatencyChart(LineChart<Number, Number> chart) {
        this.chart = chart;
    }

    static void bind(LineChart<Number, Number> chart, NumberAxis layerAxis, NumberAxis latencyAxis,
                     ObservableList<ResultRow> rows) {
        layerAxis.setMinorTickVisible(false);
        // Auto-ranging axes show their bounds while the chart is empty: layers 0-10, 0.01-100 ms.
        layerAxis.setUpperBound(10);
        latencyAxis.setLowerBound(-2);
        latencyAxis.setUpperBound(2);
        layerAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                double v = index.doubleValue();
                return v == Math.rint(v) ? String.valueOf((long) v) : ""; // layers have whole indexes
            }

            @Override
            public Number fromString(String text) {
                return Integer.parseInt(text);
            }
        });
        latencyAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number log10) {
                double ms = Math.pow(10, log10.doubleValue());
                return ms >= 10 ? String.format(Locale.ROOT, "%.0f", ms)
                        : ms >= 0.1 ? String.format(Locale.ROOT, "%.2g", ms) : String.format(Locale.ROOT, "%.1e", ms);
            }

            @Override
            public Number fromString(String text) {
                return Math.log10(Double.parseDouble(text));
            }
        });
        LatencyChart adapter = new LatencyChart(chart);
        adapter.rebuild(rows);
        rows.addListener((ListChangeListener<ResultRow>) change -> {
            boolean onlyAdded = true;
            while (change.next()) {
                if (change.wasRemoved() || change.wasPermutated() || change.wasUpdated()) {
                    onlyAdded = false;
                }
            }
            if (onlyAdded) {
                change.reset();
                while (change.next()) {
                    change.getAddedSubList().forEach(r -> adapter.add(r, rows));
                }
            } else {
                adapter.rebuild(rows);
            }
        });
    }

    private void rebuild(List<ResultRow> rows) {
        series.clear();
        chart.getData().clear();
        rows.forEach(r -> add(r, rows));
    }

    private void add(ResultRow row, List<ResultRow> all) {
        if (!(row.medianMs() > 0)) {
            return; // log scale: nothing to draw for a zero reading
        }
        boolean severalModels = all.stream().map(ResultRow::model).distinct().limit(2).count() > 1;
        String name = severalModels ? row.model() + " · " + row.backend() : row.backend();
        XYChart.Series<Number, Number> s = series.get(name);
        if (s == null) {
            if (severalModels && series.keySet().stream().anyMatch(k -> !k.contains(" · "))) {
                rebuild(all); // a second model appeared: name every series by model too
                return;
            }
            s = new XYChart.Series<>();
            s.setName(name);
            series.put(name, s);
            chart.getData().add(s);
        }
        s.getData().add(new XYChart.Data<>(row.layerIndex(), Math.log10(row.medianMs())));
    }
}
