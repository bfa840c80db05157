package org.aodnn.modelfitting.predictor;

import java.util.List;

/**
 * The predictor set of one platform ({@code cpu}, {@code gpu}, {@code browser/wasm}, ...): either fitted
 * unit models, or a {@link Calibration} of another platform of the same document (then {@code units} is
 * empty).
 */
public record PlatformPredictor(String platform, List<UnitModel> units, Calibration calibration) {

    public PlatformPredictor {
        // a calibrated platform may leave "units" out of its JSON: none
        units = units == null ? List.of() : List.copyOf(units);
    }
}
