package org.aodnn.policyeditor.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The upper ends of the T_max, E_max and η sliders. A slider clamps its value to its range and the two-way
 * binding writes the clamped value back into the bound, so an end is never set below the bound its slider
 * holds: ends widen first and narrow only as far as the bound (a loaded policy's bound beyond the current
 * costs is the operator's, and a Save would otherwise store the lowered one).
 */
final class SliderLimits {

    private final DoubleProperty tMaxMs = new SimpleDoubleProperty(2000);
    private final DoubleProperty eMaxJ = new SimpleDoubleProperty(10);
    private final DoubleProperty eta = new SimpleDoubleProperty(1000);

    /** Raises the ends (never lowers them) so the sliders can hold these values. */
    void widen(double tMax, double eMax, double etaValue) {
        tMaxMs.set(Math.max(tMaxMs.get(), tMax));
        eMaxJ.set(Math.max(eMaxJ.get(), eMax));
        eta.set(Math.max(eta.get(), etaValue));
    }

    /** Ends for a problem's costs, but never below the bounds the sliders hold. */
    void fit(BoundScales scales, double tMax, double eMax, double etaValue) {
        tMaxMs.set(Math.max(scales.tMaxLimit(), tMax));
        eMaxJ.set(Math.max(scales.eMaxLimit(), eMax));
        eta.set(BoundScales.niceCeiling(Math.max(tMaxMs.get() / Math.max(eMax, 1e-9), etaValue) * 2));
    }

    /** Room for a linked η that followed the bounds to {@code etaValue}. */
    void makeRoomForEta(double etaValue) {
        eta.set(Math.max(eta.get(), BoundScales.niceCeiling(etaValue * 2)));
    }

    DoubleProperty tMaxMsProperty() {
        return tMaxMs;
    }

    DoubleProperty eMaxJProperty() {
        return eMaxJ;
    }

    DoubleProperty etaProperty() {
        return eta;
    }
}
