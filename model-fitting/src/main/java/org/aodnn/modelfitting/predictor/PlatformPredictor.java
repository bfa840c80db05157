package org.aodnn.modelfitting.predictor;

import java.util.List;

/**
 * The predictor set of one platform ({@code cpu}, {@code gpu}, {@code browser/wasm}, ...): either fitted
 * unit models, or a {@link Calibration} of another platform of the same document (then {@code units} is
 * empty). {@code trainingThreads} lists the thread counts the training rows ran at (sorted), so a user of the
 * predictor can ask about a device state it has seen; empty in documents written before it was recorded.
 */
public record PlatformPredictor(String platform, List<UnitModel> units, Calibration calibration,
                                List<Integer> trainingThreads) {

    public PlatformPredictor {
        // a calibrated platform may leave "units" out of its JSON: none
        units = units == null ? List.of() : List.copyOf(units);
        trainingThreads = trainingThreads == null ? List.of() : List.copyOf(trainingThreads);
    }

    /** A platform whose training thread counts are not recorded. */
    public PlatformPredictor(String platform, List<UnitModel> units, Calibration calibration) {
        this(platform, units, calibration, List.of());
    }
}
