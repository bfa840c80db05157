package org.aodnn.modelfitting.predictor;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@link PredictorDocument} in plain Java (no Smile): the reference the manifest builder and
 * a JavaScript port follow. Lookup for a layer: its type model; else its family's model (flag
 * {@code family}); else the related family's (flag {@code related-family}); else the platform's global
 * model (flag {@code global}). It never fails for a known platform.
 */
public final class PredictorEvaluator {

    private final PredictorDocument document;
    private final Map<String, PlatformIndex> platforms = new HashMap<>();
    // how the document was fitted: an unknown CPU frequency at the training mean (version 2) or 0 MHz (1)
    private final boolean unknownFrequencyAsMean;

    public PredictorEvaluator(PredictorDocument document) {
        this.document = document;
        this.unknownFrequencyAsMean = document.schemaVersion() >= 2;
        for (PlatformPredictor p : document.platforms()) {
            platforms.put(p.platform(), new PlatformIndex(p));
        }
    }

    public PredictorDocument document() {
        return document;
    }

    public boolean hasPlatform(String platform) {
        return platforms.containsKey(platform);
    }

    /** Predicts the sample on its own platform. */
    public Prediction predict(LayerSample sample) {
        return predict(sample.platform(), sample);
    }

    public Prediction predict(String platform, LayerSample sample) {
        return predict(platform, sample, 0);
    }

    private Prediction predict(String platform, LayerSample sample, int depth) {
        PlatformIndex index = platforms.get(platform);
        if (index == null) {
            throw new IllegalArgumentException("the predictor has no platform '" + platform + "' (it has "
                    + String.join(", ", document.platformNames()) + ")");
        }
        Calibration calibration = index.predictor.calibration();
        if (calibration != null) {
            if (depth > 4) {
                throw new IllegalStateException("calibration chain too long at platform '" + platform + "'");
            }
            Prediction base = predict(calibration.basePlatform(), sample, depth + 1);
            CalibrationLookup fit = index.calibrationFor(sample);
            String flag = fit.flag.isEmpty() ? base.flag() : fit.flag;
            return new Prediction(calibration.apply(fit.fit, base.ms()), flag, base.unit());
        }
        Lookup found = index.lookup(sample);
        return new Prediction(found.unit.predict(sample, unknownFrequencyAsMean), found.flag, found.unit.key());
    }

    /** The unit model that would answer for a layer on a fitted (uncalibrated) platform, with its flag. */
    public Optional<Lookup> unitFor(String platform, LayerSample sample) {
        PlatformIndex index = platforms.get(platform);
        if (index == null || index.predictor.calibration() != null) {
            return Optional.empty();
        }
        return Optional.of(index.lookup(sample));
    }

    public record Lookup(UnitModel unit, String flag) {
    }

    private record CalibrationLookup(Calibration.Fit fit, String flag) {
    }

    private static final class PlatformIndex {
        final PlatformPredictor predictor;
        final Map<String, UnitModel> byType = new HashMap<>();
        final Map<String, UnitModel> byFamily = new HashMap<>();
        UnitModel global;
        final Map<String, Calibration.Fit> calibrationByType = new HashMap<>();
        final Map<String, Calibration.Fit> calibrationByFamily = new HashMap<>();
        Calibration.Fit calibrationGlobal;

        PlatformIndex(PlatformPredictor predictor) {
            this.predictor = predictor;
            if (predictor.calibration() != null) {
                for (Calibration.Fit f : predictor.calibration().fits()) {
                    switch (f.level()) {
                        case UnitModel.LEVEL_TYPE -> calibrationByType.put(f.key(), f);
                        case UnitModel.LEVEL_FAMILY -> calibrationByFamily.put(f.key(), f);
                        case UnitModel.LEVEL_GLOBAL -> calibrationGlobal = f;
                        default -> throw new IllegalArgumentException("calibration fit '" + f.key()
                                + "' has unknown level '" + f.level() + "'");
                    }
                }
            }
            for (UnitModel u : predictor.units()) {
                switch (u.level()) {
                    case UnitModel.LEVEL_TYPE -> byType.put(u.key(), u);
                    case UnitModel.LEVEL_FAMILY -> byFamily.put(u.family(), u);
                    case UnitModel.LEVEL_GLOBAL -> global = u;
                    default -> throw new IllegalArgumentException("unit '" + u.key() + "' has unknown level '"
                            + u.level() + "'");
                }
            }
            // A family seen with one type only has no separate family model: that type's model stands in.
            for (UnitModel u : predictor.units()) {
                if (u.level().equals(UnitModel.LEVEL_TYPE)) {
                    byFamily.merge(u.family(), u, (a, b) -> a.level().equals(UnitModel.LEVEL_FAMILY) ? a
                            : COMPARE.compare(a, b) <= 0 ? a : b);
                }
            }
            if (global == null && !predictor.units().isEmpty()) {
                global = predictor.units().stream().min(COMPARE).orElseThrow();
            }
        }

        /** Most training rows first, then by key: a deterministic choice. */
        private static final Comparator<UnitModel> COMPARE = Comparator
                .comparingInt(UnitModel::trainingRows).reversed().thenComparing(UnitModel::key);

        /** The layer type's B^i (its type key, else its general type key), else its family's (flag family), else the global one (flag global). */
        CalibrationLookup calibrationFor(LayerSample s) {
            Calibration.Fit own = calibrationByType.get(s.typeKey());
            if (own == null) {
                own = calibrationByType.get(s.generalTypeKey());
            }
            if (own != null) {
                return new CalibrationLookup(own, Prediction.EXACT);
            }
            Calibration.Fit fam = calibrationByFamily.get(s.family().id());
            if (fam != null) {
                return new CalibrationLookup(fam, Prediction.FAMILY);
            }
            if (calibrationGlobal == null) {
                throw new IllegalStateException("platform '" + predictor.platform() + "' has no global calibration");
            }
            return new CalibrationLookup(calibrationGlobal, Prediction.GLOBAL);
        }

        Lookup lookup(LayerSample s) {
            UnitModel own = byType.get(s.typeKey());
            if (own == null) {
                own = byType.get(s.generalTypeKey());
            }
            if (own != null) {
                return new Lookup(own, Prediction.EXACT);
            }
            LayerFamily family = s.family();
            UnitModel fam = byFamily.get(family.id());
            if (fam != null) {
                return new Lookup(fam, Prediction.FAMILY);
            }
            LayerFamily related = family.fallback();
            if (related != null && byFamily.containsKey(related.id())) {
                return new Lookup(byFamily.get(related.id()), Prediction.RELATED_FAMILY);
            }
            if (global == null) {
                throw new IllegalStateException("platform '" + predictor.platform() + "' has no models");
            }
            return new Lookup(global, Prediction.GLOBAL);
        }
    }
}
