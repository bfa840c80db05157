package org.aodnn.modelfitting.ui;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.modelfitting.predictor.PredictorDocument;

/**
 * What the browser backends of a fit are calibrated on (Eq. 2-3): a fitted platform of a stored latency
 * predictor (for example {@code cpu} of an edge-server predictor), or {@link #NONE}, meaning every backend is
 * fitted directly from its own rows. Direct fits are more accurate where a browser has many measurements;
 * calibration is for a browser with few (docs/benchmarks/model-fitting.md).
 */
public record CalibrationBase(String predictor, String platform) {

    public static final CalibrationBase NONE = new CalibrationBase("", "");

    /** Browser platforms are {@code browser/<backend>}; only they are calibrated, and they are never a base. */
    static final String BROWSER_PREFIX = "browser";

    public boolean isNone() {
        return predictor.isEmpty();
    }

    /** How the choice reads in the workspace. */
    public String describe() {
        return isNone() ? "none: fit browser backends directly" : platform + " of predictor '" + predictor + "'";
    }

    static boolean isBrowser(String platform) {
        return platform.equals(BROWSER_PREFIX) || platform.startsWith(BROWSER_PREFIX + "/");
    }

    /** {@link #NONE}, then every non-browser platform of every stored latency predictor, in the list's order. */
    static List<CalibrationBase> offeredBy(List<StoredPredictor> stored) {
        List<CalibrationBase> out = new ArrayList<>();
        out.add(NONE);
        for (StoredPredictor p : stored) {
            if (!PredictorDocument.QUANTITY_LATENCY.equals(p.quantity()) || p.platform() == null) {
                continue;
            }
            for (String platform : p.platform().split(",")) {
                String name = platform.trim();
                if (!name.isEmpty() && !isBrowser(name)) {
                    out.add(new CalibrationBase(p.name(), name));
                }
            }
        }
        return out;
    }
}
