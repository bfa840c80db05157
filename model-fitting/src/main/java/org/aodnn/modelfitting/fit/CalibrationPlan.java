package org.aodnn.modelfitting.fit;

import java.util.Map;
import java.util.Optional;
import org.aodnn.modelfitting.predictor.PlatformPredictor;
import org.aodnn.modelfitting.predictor.PredictorDocument;

/**
 * Which platforms a fit calibrates (Eq. 2-3) instead of fitting, and where their base predictors come from.
 * {@code targets} maps a browser platform to its base platform ({@code browser/wasm -> cpu}). A base platform
 * is fitted from the training rows, or, when {@code base} is given and the rows have no such platform, taken
 * unchanged from that already fitted document (for example a stored edge-CPU predictor), so a browser with
 * few measurements of its own can be calibrated against a predictor fitted elsewhere.
 */
public record CalibrationPlan(Map<String, String> targets, PredictorDocument base) {

    public CalibrationPlan {
        targets = Map.copyOf(targets);
    }

    /** Calibrations whose base platforms are fitted from the same rows. */
    public static CalibrationPlan fromRows(Map<String, String> targets) {
        return new CalibrationPlan(targets, null);
    }

    /** The base document's fitted (not itself calibrated) platform of that name, if any. */
    public Optional<PlatformPredictor> basePlatform(String name) {
        if (base == null) {
            return Optional.empty();
        }
        return base.platform(name).filter(p -> p.calibration() == null && !p.units().isEmpty());
    }
}
