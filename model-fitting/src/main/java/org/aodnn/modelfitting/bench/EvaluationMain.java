package org.aodnn.modelfitting.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aodnn.modelfitting.MeasurementFiles;
import org.aodnn.modelfitting.RowFilter;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.eval.MetricsRow;
import org.aodnn.modelfitting.eval.ModelLevelSummary;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * Prints the leave-one-model-out table (predictor vs baselines, per platform) as Markdown.
 * Usage: {@code EvaluationMain MODE FILE.csv [FILE2.csv ...] [--calibrate PLATFORM=BASE ...]}.
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args[0].startsWith("-")) {
            System.err.println("usage: EvaluationMain MODE FILE.csv [FILE2.csv ...] [--calibrate PLATFORM=BASE ...]");
            System.exit(2);
        }
        FitOptions options = FitOptions.mode(args[0]);
        List<Path> files = new ArrayList<>();
        Map<String, String> calibrations = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--calibrate")) {
                String[] kv = args[++i].split("=", 2);
                calibrations.put(kv[0], kv[1]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        List<LayerSample> rows = MeasurementFiles.read(files, RowFilter.all());
        long t0 = System.nanoTime();
        EvaluationReport report = Evaluations.leaveOneModelOut(rows, options, calibrations, FitMonitor.NONE);
        System.out.printf(Locale.ROOT, "mode %s, %d rows, %.1f s%n", options.name(), rows.size(),
                (System.nanoTime() - t0) / 1e9);
        System.out.println(markdown(report));
    }

    public static String markdown(EvaluationReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("| platform | method | layer MAPE | median APE | within ±10 % | model-level within ±10 % | model-level mean abs error |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (ModelLevelSummary m : report.modelLevelSummary()) {
            if (m.platform().equals(EvaluationReport.ALL)) {
                continue;
            }
            MetricsRow r = report.metric(m.method(), m.platform(), EvaluationReport.ALL);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% (%d of %d) | %.1f %% |%n",
                    m.platform(), m.method(), 100 * r.layer().mape(), 100 * r.layer().medianApe(),
                    100 * r.layer().within10(), 100 * m.within10(), Math.round(m.within10() * m.groups()),
                    m.groups(), 100 * m.meanAbsError()));
        }
        return sb.toString();
    }
}
