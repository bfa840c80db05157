package org.aodnn.modelfitting.fit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aodnn.modelfitting.predictor.Calibration;
import org.aodnn.modelfitting.predictor.LayerFamily;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PlatformPredictor;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.Quantity;
import org.aodnn.modelfitting.predictor.UnitModel;

/**
 * Fits a predictor document from measurements: per platform, one model per layer type, one per family
 * seen with several types, and a global fallback; platforms listed in {@code calibrations} are instead
 * calibrated from another platform's predictor (Eq. 2-3).
 */
public final class PredictorFitter {

    private final FitOptions options;
    private final Quantity quantity;

    /** A latency predictor. */
    public PredictorFitter(FitOptions options) {
        this(options, Quantity.LATENCY);
    }

    /** A predictor of {@code quantity}: the rows' measured values ({@link LayerSample#latencyMs()}) are in its unit. */
    public PredictorFitter(FitOptions options, Quantity quantity) {
        this.options = options;
        this.quantity = quantity;
    }

    public FitResult fit(List<LayerSample> rows, FitMonitor monitor) {
        return fit(rows, Map.of(), monitor);
    }

    /**
     * @param calibrations browser platform to base platform, e.g. {@code browser/wasm -> cpu}; the bases are
     *                     fitted from the same rows
     */
    public FitResult fit(List<LayerSample> rows, Map<String, String> calibrations, FitMonitor monitor) {
        return fit(rows, CalibrationPlan.fromRows(calibrations), monitor);
    }

    /** Fits every platform of the rows, except those the plan calibrates from a base platform. */
    public FitResult fit(List<LayerSample> rows, CalibrationPlan calibrationPlan, FitMonitor monitor) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows");
        }
        Map<String, String> calibrations = calibrationPlan.targets();
        Map<String, List<LayerSample>> byPlatform = new TreeMap<>();
        for (LayerSample s : rows) {
            byPlatform.computeIfAbsent(s.platform(), p -> new ArrayList<>()).add(s);
        }
        // base platforms taken unchanged from the plan's base document (not fitted here)
        Map<String, PlatformPredictor> borrowed = new TreeMap<>();
        for (Map.Entry<String, String> c : calibrations.entrySet()) {
            String target = c.getKey();
            String basePlatform = c.getValue();
            if (!byPlatform.containsKey(target)) {
                throw new IllegalArgumentException("cannot calibrate '" + target + "': no rows of that platform");
            }
            if (calibrations.containsKey(basePlatform)) {
                throw new IllegalArgumentException("cannot calibrate '" + target + "' from '" + basePlatform
                        + "': that platform is itself calibrated");
            }
            boolean inRows = byPlatform.containsKey(basePlatform);
            Optional<PlatformPredictor> inBase = calibrationPlan.basePlatform(basePlatform);
            if (inRows && inBase.isPresent()) {
                throw new IllegalArgumentException("cannot calibrate '" + target + "' from '" + basePlatform
                        + "': that platform is both in the training rows and in the base predictor; leave its"
                        + " rows out to use the base predictor, or drop the base predictor to fit it from the rows");
            }
            if (!inRows && inBase.isEmpty()) {
                throw new IllegalArgumentException("cannot calibrate '" + target + "' from '" + basePlatform + "': "
                        + (calibrationPlan.base() == null ? "the base platform must be fitted from rows of its own"
                        : "neither the training rows nor the base predictor (platforms "
                        + String.join(", ", calibrationPlan.base().platformNames()) + ") have a fitted '" + basePlatform + "'"));
            }
            if (inBase.isPresent() && !calibrationPlan.base().quantity().equals(quantity.id())) {
                throw new IllegalArgumentException("cannot calibrate '" + target + "' from a " + calibrationPlan.base().quantity()
                        + " predictor: this fit predicts " + quantity.id());
            }
            inBase.ifPresent(p -> borrowed.put(p.platform(), p));
        }
        List<UnitPlan> plans = new ArrayList<>();
        for (Map.Entry<String, List<LayerSample>> e : byPlatform.entrySet()) {
            if (!calibrations.containsKey(e.getKey())) {
                plans.addAll(plan(e.getKey(), e.getValue()));
            }
        }
        List<CvScore> scores = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, List<UnitModel>> units = new LinkedHashMap<>();
        int done = 0;
        int total = plans.size() + calibrations.size();
        for (UnitPlan plan : plans) {
            monitor.checkCancelled();
            monitor.progress(done, total, "fitting " + plan.platform + " " + plan.key + " (" + plan.rows.size() + " rows)");
            UnitFitter.Result r = fitPlan(plan, monitor);
            List<UnitFitter.Result> chosen = List.of(r);
            if (options.pointwiseSplit() && plan.level.equals(UnitModel.LEVEL_TYPE) && plan.key.equals("Conv2d")) {
                chosen = pointwiseSplit(plan, r, monitor);
            }
            for (UnitFitter.Result c : chosen) {
                units.computeIfAbsent(plan.platform, p -> new ArrayList<>()).add(c.model());
                scores.addAll(c.scores());
                if (c.warning() != null) {
                    warnings.add(c.warning());
                }
            }
            done++;
        }
        List<PlatformPredictor> platforms = new ArrayList<>();
        for (Map.Entry<String, List<UnitModel>> e : units.entrySet()) {
            platforms.add(new PlatformPredictor(e.getKey(), e.getValue(), null, threadsOf(byPlatform.get(e.getKey()))));
        }
        platforms.addAll(borrowed.values());
        // a borrowed base is part of what the calibrated platforms were trained on
        String fingerprint = borrowed.isEmpty() ? TrainingFingerprint.of(rows)
                : TrainingFingerprint.combine(TrainingFingerprint.of(rows), calibrationPlan.base().fingerprint());
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        PredictorDocument fitted = new PredictorDocument(PredictorDocument.SCHEMA_VERSION,
                quantity.id(), options.name(), fingerprint, created, platforms, null);
        if (!calibrations.isEmpty()) {
            PredictorEvaluator base = new PredictorEvaluator(fitted);
            for (Map.Entry<String, String> c : new TreeMap<>(calibrations).entrySet()) {
                monitor.checkCancelled();
                monitor.progress(done, total, "calibrating " + c.getKey() + " from " + c.getValue());
                Calibration cal = CalibrationFitter.fit(base, c.getValue(), c.getKey(), byPlatform.get(c.getKey()));
                platforms.add(new PlatformPredictor(c.getKey(), List.of(), cal, threadsOf(byPlatform.get(c.getKey()))));
                done++;
            }
            fitted = new PredictorDocument(fitted.schemaVersion(), fitted.quantity(), fitted.mode(), fingerprint,
                    created, platforms, null);
        }
        monitor.progress(total, total, "fitted " + plans.size() + " models");
        return new FitResult(fitted, scores, warnings);
    }

    /** The distinct thread counts of the rows, sorted. */
    private static List<Integer> threadsOf(List<LayerSample> rows) {
        return List.copyOf(rows.stream().map(LayerSample::threads).collect(java.util.stream.Collectors
                .toCollection(TreeSet::new)));
    }

    private record UnitPlan(String platform, String key, String level, LayerFamily family, List<LayerSample> rows) {
    }

    private UnitFitter.Result fitPlan(UnitPlan plan, FitMonitor monitor) {
        return UnitFitter.fit(plan.platform, plan.key, plan.level, plan.family, plan.rows,
                plan.level.equals(UnitModel.LEVEL_GLOBAL) ? FeatureSets.global(options.features())
                        : FeatureSets.candidates(options.features(), plan.family), options, monitor);
    }

    /**
     * Standard convolutions are modelled together ({@code Conv2d}) or as 1x1 ({@code Conv2d/pointwise}) and
     * larger kernels separately, whichever has the lower pooled CV squared error: on some platforms 1x1
     * convolutions run a different kernel (a plain matrix product) with a different cost per FLOP.
     */
    private List<UnitFitter.Result> pointwiseSplit(UnitPlan together, UnitFitter.Result joint, FitMonitor monitor) {
        List<LayerSample> pointwise = together.rows.stream().filter(s -> s.typeKey().equals(LayerFamily.POINTWISE)).toList();
        List<LayerSample> larger = together.rows.stream().filter(s -> !s.typeKey().equals(LayerFamily.POINTWISE)).toList();
        if (pointwise.size() < options.minUnitRows() || larger.size() < options.minUnitRows() || joint.model().cvMse() < 0) {
            return List.of(joint);
        }
        UnitFitter.Result a = fitPlan(new UnitPlan(together.platform, "Conv2d", UnitModel.LEVEL_TYPE,
                together.family, larger), monitor);
        UnitFitter.Result b = fitPlan(new UnitPlan(together.platform, LayerFamily.POINTWISE, UnitModel.LEVEL_TYPE,
                together.family, pointwise), monitor);
        if (a.model().cvMse() < 0 || b.model().cvMse() < 0) {
            return List.of(joint);
        }
        double split = a.model().cvMse() * larger.size() + b.model().cvMse() * pointwise.size();
        double whole = joint.model().cvMse() * together.rows.size();
        return split < whole ? List.of(a, b) : List.of(joint);
    }

    private List<UnitPlan> plan(String platform, List<LayerSample> rows) {
        Map<String, List<LayerSample>> byType = new TreeMap<>();
        Map<LayerFamily, List<LayerSample>> byFamily = new TreeMap<>();
        Map<LayerFamily, TreeSet<String>> typesOfFamily = new TreeMap<>();
        for (LayerSample s : rows) {
            byType.computeIfAbsent(s.generalTypeKey(), k -> new ArrayList<>()).add(s);
            byFamily.computeIfAbsent(s.family(), k -> new ArrayList<>()).add(s);
            typesOfFamily.computeIfAbsent(s.family(), k -> new TreeSet<>()).add(s.generalTypeKey());
        }
        List<UnitPlan> out = new ArrayList<>();
        for (Map.Entry<String, List<LayerSample>> e : byType.entrySet()) {
            if (e.getValue().size() >= options.minUnitRows()) {
                out.add(new UnitPlan(platform, e.getKey(), UnitModel.LEVEL_TYPE, e.getValue().get(0).family(),
                        e.getValue()));
            }
        }
        for (Map.Entry<LayerFamily, List<LayerSample>> e : byFamily.entrySet()) {
            boolean severalTypes = typesOfFamily.get(e.getKey()).size() > 1;
            boolean ownTypeMissing = typesOfFamily.get(e.getKey()).stream()
                    .anyMatch(t -> byType.get(t).size() < options.minUnitRows());
            if ((severalTypes || ownTypeMissing) && e.getValue().size() >= options.minUnitRows()) {
                out.add(new UnitPlan(platform, e.getKey().id(), UnitModel.LEVEL_FAMILY, e.getKey(), e.getValue()));
            }
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException("platform '" + platform + "' has " + rows.size()
                    + " row(s): too few to fit");
        }
        out.add(new UnitPlan(platform, "*", UnitModel.LEVEL_GLOBAL, LayerFamily.OTHER, rows));
        return out;
    }
}
