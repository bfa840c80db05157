package org.aodnn.modelfitting.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.OutputFile;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.modelfitting.FitOutcome;
import org.aodnn.modelfitting.FitTask;
import org.aodnn.modelfitting.MeasurementFiles;
import org.aodnn.modelfitting.eval.EvaluationReport;
import org.aodnn.modelfitting.eval.Evaluations;
import org.aodnn.modelfitting.eval.MetricsRow;
import org.aodnn.modelfitting.eval.ModelLevelError;
import org.aodnn.modelfitting.eval.ModelLevelSummary;
import org.aodnn.modelfitting.fit.CalibrationPlan;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorFormatException;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn fit}: fits a latency (default) or mobile energy predictor from layer-CSV measurements and
 * prints its metrics.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit per-platform layer latency or energy predictors (Eq. 1-4) from layer-CSV measurements.",
            "Prints the metrics of the predictor and the baselines (in sample, and leave-one-model-out with --evaluate)."})
public final class FitCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "layer-CSV measurements (edge-layer-latency.csv format, optional backend column); repeatable")
    List<Path> data;

    @Option(names = "--stored", description = {"fit the measurements stored in the database (--db) instead of files, as",
        "the Model Fitting workspace does; --where then filters on platform, model, target, threads, backend, browser"})
    boolean stored;

    @Option(names = "--where", paramLabel = "COL=VALUE",
            description = "keep rows whose CSV column equals the value (platform= also works); repeatable")
    List<String> where;

    @Option(names = "--out", required = true, paramLabel = "predictor.json", description = "where to write the predictor document")
    Path out;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "log",
            description = {"log: the log of the value (latency or energy) on per-family log features (default)",
                "log-split: log, 1x1 convolutions modelled apart where CV prefers it (best for browser backends)",
                "log-mean: log with a mean correction; log-simple: log preferring lower degrees",
                "paper: the raw value on raw features, Eq. 1 as written; log-full: log on every Eq. 1 feature"})
    String mode;

    @Option(names = "--quantity", paramLabel = "latency|energy", defaultValue = "latency",
            description = {"what to predict: latency (latency_ms, default) or energy (energy_mj, measured on phones;",
                "rows without energy_mj are skipped and counted)"})
    String quantityName;

    @Option(names = "--max-degree", paramLabel = "K", description = "largest polynomial degree tried (default 3)")
    Integer maxDegree;

    @Option(names = "--folds", paramLabel = "K", description = "cross-validation folds (default 5)")
    Integer folds;

    @Option(names = "--calibrate", paramLabel = "PLATFORM=BASE",
            description = "fit PLATFORM by browser calibration (Eq. 2/3) of BASE's predictor, e.g. browser/wasm=cpu; repeatable")
    List<String> calibrate;

    @Option(names = "--base-predictor", paramLabel = "P.json",
            description = {"with --calibrate: take BASE from this fitted predictor document instead of fitting it",
                "from --data (e.g. calibrate browser rows on an edge cpu predictor)"})
    Path basePredictor;

    @Option(names = "--base-stored", paramLabel = "NAME",
            description = "with --calibrate: take BASE from the predictor stored in the database under NAME")
    String baseStored;

    @Option(names = "--evaluate", paramLabel = "leave-one-model-out",
            description = "also evaluate by leave-one-model-out (fits once per model)")
    String evaluate;

    @Option(names = "--save", paramLabel = "NAME", description = "also store the predictor in the database under this name")
    String saveName;

    @Option(names = "--replace", description = "with --save: replace a stored predictor of the same name")
    boolean replace;

    @Option(names = "--json", description = "print one JSON document with the metrics")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Quantity quantity;
        try {
            quantity = Quantity.parse(quantityName);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--quantity: " + e.getMessage(), 2);
        }
        if (quantity != Quantity.LATENCY && calibrate != null && !calibrate.isEmpty()) {
            throw new CommandFailure("--calibrate: browser calibration (Eq. 2-3) maps latencies; fit "
                    + quantity.cliName() + " directly");
        }
        if (stored == (data != null && !data.isEmpty())) {
            throw new CommandFailure("give the measurements: --data FILE.csv (repeatable) or --stored, one of them", 2);
        }
        OutputFile.requireWritable("--out", out);
        if (saveName != null && saveName.isBlank()) {
            throw new CommandFailure("--save: give the predictor a name", 2);
        }
        FitOptions options = options();
        CalibrationPlan calibrations = new CalibrationPlan(calibrations(), basePredictor());
        boolean lomo = false;
        if (evaluate != null) {
            if (!evaluate.equals(Evaluations.LEAVE_ONE_MODEL_OUT)) {
                throw new CommandFailure("--evaluate " + evaluate + ": the only evaluation is leave-one-model-out", 2);
            }
            lomo = true;
        }
        MeasurementFiles.Selection selection;
        if (stored) {
            try (Store store = storeOptions.open()) {
                selection = DataInputs.readStored(store, where, quantity);
            }
        } else {
            selection = DataInputs.read(data, where, quantity);
        }
        List<LayerSample> rows = selection.rows();
        long models = rows.stream().map(LayerSample::model).distinct().count();
        if (lomo && models < 2) {
            throw new CommandFailure("--evaluate leave-one-model-out needs rows of at least two models; the data has "
                    + models);
        }
        if (saveName != null && !replace) {
            try (Store store = storeOptions.open()) {
                if (new PredictorRepository(store.dsl()).find(saveName).isPresent()) {
                    throw new CommandFailure("--save " + saveName + ": a predictor of that name is already stored"
                            + " (use --replace)");
                }
            }
        }
        FitTask task = new FitTask(rows, options, quantity, calibrations, lomo);
        FitOutcome outcome;
        try {
            outcome = task.run(ProgressListener.NONE);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        } catch (RuntimeException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure("fit failed: " + e.getMessage(), e);
        }
        PredictorDocument doc = outcome.document();
        try {
            PredictorJson.write(doc, out);
        } catch (IOException e) {
            throw new CommandFailure("--out " + out + ": cannot write: " + e.getMessage(), e);
        }
        if (saveName != null) {
            try (Store store = storeOptions.open()) {
                new PredictorRepository(store.dsl()).save(PredictorJson.toStored(saveName, doc), replace);
            } catch (RuntimeException e) {
                throw new CommandFailure("--save " + saveName + ": " + e.getMessage(), e);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Json.print(w, jsonReport(outcome, selection));
        } else {
            printText(w, outcome, selection);
        }
        return 0;
    }

    private FitOptions options() {
        FitOptions o;
        try {
            o = FitOptions.mode(mode);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--mode: " + e.getMessage(), 2);
        }
        if (maxDegree != null) {
            if (maxDegree < 1 || maxDegree > 6) {
                throw new CommandFailure("--max-degree " + maxDegree + ": expected 1 to 6", 2);
            }
            o = o.withMaxDegree(maxDegree);
        }
        if (folds != null) {
            if (folds < 2) {
                throw new CommandFailure("--folds " + folds + ": expected at least 2", 2);
            }
            o = o.withFolds(folds);
        }
        return o;
    }

    private Map<String, String> calibrations() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : calibrate == null ? List.<String>of() : calibrate) {
            int eq = c.indexOf('=');
            if (eq <= 0 || eq == c.length() - 1) {
                throw new CommandFailure("--calibrate '" + c + "': expected PLATFORM=BASE, e.g. browser/wasm=cpu", 2);
            }
            out.put(c.substring(0, eq).trim(), c.substring(eq + 1).trim());
        }
        return out;
    }

    /** The document named by --base-predictor or --base-stored, or null; checked before any fitting starts. */
    private PredictorDocument basePredictor() {
        if (basePredictor != null && baseStored != null) {
            throw new CommandFailure("--base-predictor and --base-stored: give one base predictor, not both", 2);
        }
        if ((basePredictor != null || baseStored != null) && (calibrate == null || calibrate.isEmpty())) {
            throw new CommandFailure((basePredictor != null ? "--base-predictor" : "--base-stored")
                    + ": a base predictor is only used with --calibrate PLATFORM=BASE");
        }
        if (basePredictor != null) {
            try {
                return PredictorJson.read(basePredictor);
            } catch (PredictorFormatException e) {
                throw new CommandFailure("--base-predictor: " + e.getMessage());
            } catch (IOException e) {
                throw new CommandFailure("--base-predictor " + basePredictor + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (baseStored != null) {
            try (Store store = storeOptions.open()) {
                StoredPredictor stored = new PredictorRepository(store.dsl()).find(baseStored).orElseThrow(() ->
                        new CommandFailure("--base-stored " + baseStored + ": no predictor of that name is stored"));
                return PredictorJson.read(stored);
            } catch (PredictorFormatException e) {
                throw new CommandFailure("--base-stored: " + e.getMessage());
            }
        }
        return null;
    }

    private ObjectNode jsonReport(FitOutcome outcome, MeasurementFiles.Selection selection) {
        PredictorDocument doc = outcome.document();
        ObjectNode root = Json.object();
        root.put("predictor", out.toString());
        root.put("quantity", doc.quantity());
        root.put("unit", doc.quantityKind().unit());
        root.put("mode", doc.mode());
        root.put("schemaVersion", doc.schemaVersion());
        root.put("fingerprint", doc.fingerprint());
        root.put("rows", selection.rows().size());
        root.put("rowsWithoutValue", selection.withoutValue());
        root.set("platforms", Json.MAPPER.valueToTree(doc.platformNames()));
        if (saveName != null) {
            root.put("savedAs", saveName);
        }
        root.set("warnings", Json.MAPPER.valueToTree(outcome.fit().warnings()));
        root.set(Evaluations.IN_SAMPLE, FitTask.summary(outcome.inSample()));
        if (outcome.leaveOneModelOut() != null) {
            EvaluationReport lomo = outcome.leaveOneModelOut();
            ObjectNode l = FitTask.summary(lomo);
            ArrayNode perModel = l.putArray("perModel");
            for (ModelLevelError e : lomo.modelLevel()) {
                ObjectNode row = Json.MAPPER.valueToTree(e);
                row.put("relativeError", e.relativeError());
                perModel.add(row);
            }
            root.set(Evaluations.LEAVE_ONE_MODEL_OUT, l);
        }
        return root;
    }

    private void printText(PrintWriter w, FitOutcome outcome, MeasurementFiles.Selection selection) {
        PredictorDocument doc = outcome.document();
        Quantity quantity = doc.quantityKind();
        // The latency line is unchanged from before energy existed; other quantities name themselves.
        String what = quantity == Quantity.LATENCY ? doc.mode() : doc.mode() + " " + quantity.id();
        w.printf(Locale.ROOT, "Fitted %s predictor on %d rows: platforms %s -> %s%n", what, selection.rows().size(),
                String.join(", ", doc.platformNames()), out);
        if (selection.withoutValue() > 0) {
            w.printf(Locale.ROOT, "Skipped %d of %d rows without %s.%n", selection.withoutValue(), selection.matched(),
                    quantity.id());
        }
        for (String warning : outcome.fit().warnings()) {
            w.println("warning: " + warning);
        }
        printReport(w, outcome.inSample(), quantity);
        if (outcome.leaveOneModelOut() != null) {
            printReport(w, outcome.leaveOneModelOut(), quantity);
        }
        if (saveName != null) {
            w.println("Stored as predictor '" + saveName + "'.");
        }
        w.flush();
    }

    private static void printReport(PrintWriter w, EvaluationReport report, Quantity quantity) {
        w.println();
        w.println(report.evaluation() + ":");
        w.printf(Locale.ROOT, "%-14s %-14s %8s %8s %8s %8s %12s%n", "platform", "method", "MAPE", "medAPE",
                "<=10%", "RMSE " + quantity.unit(), "model<=10%");
        for (ModelLevelSummary m : report.modelLevelSummary()) {
            if (m.platform().equals(EvaluationReport.ALL)) {
                continue;
            }
            MetricsRow r = report.metric(m.method(), m.platform(), EvaluationReport.ALL);
            w.printf(Locale.ROOT, "%-14s %-14s %7.1f%% %7.1f%% %7.1f%% %8.4f %7.1f%% (%d)%n", m.platform(), m.method(),
                    100 * r.layer().mape(), 100 * r.layer().medianApe(), 100 * r.layer().within10(),
                    r.layer().rmse(), 100 * m.within10(), m.groups());
        }
    }
}
