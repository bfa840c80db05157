package org.aodnn.modelfitting.predictor;

import java.util.Optional;
import java.util.OptionalDouble;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.LayerMeasurement;

/**
 * One layer on one platform and device state: what a predictor is asked about. {@code latencyMs} is the
 * measured value of the quantity being fitted when known (training and evaluation), {@code NaN} when only
 * a prediction is wanted: latency in ms, or, for an energy predictor ({@link #of(LayerMeasurement, Quantity)}),
 * energy in mJ (the name is kept from when latency was the only quantity).
 * {@code cpuFreqKhz} is {@code null} when unknown. {@code device} names the device (stored profile) that
 * measured the row, "" when unknown: rows of several devices may train one platform's predictor, but a
 * model's per-layer values only add up to a model run on one device.
 */
public record LayerSample(String platform, String model, int layerIndex, String layerName, LayerGeometry geometry,
                          int threads, Long cpuFreqKhz, double latencyMs, String device) {

    public LayerSample {
        device = device == null ? "" : device;
    }

    /** A sample of no particular device. */
    public LayerSample(String platform, String model, int layerIndex, String layerName, LayerGeometry geometry,
                       int threads, Long cpuFreqKhz, double latencyMs) {
        this(platform, model, layerIndex, layerName, geometry, threads, cpuFreqKhz, latencyMs, "");
    }

    /**
     * A stored or read row as a training sample of {@code quantity}, empty when the row did not measure it. The
     * predictor platform is the row's target or target/backend ({@link Platforms#of}), the same for rows from
     * the database and from a layer CSV, so both give the same predictor; {@code device} says which device.
     */
    public static Optional<LayerSample> of(LayerMeasurement m, Quantity quantity, String device) {
        OptionalDouble v = quantity.measured(m);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LayerSample(Platforms.of(m.key().target(), m.key().backend()), m.key().model(),
                m.key().layerIndex(), m.layerName(), m.geometry(), m.key().threads(), m.cpuFreqKhz(), v.getAsDouble(),
                device));
    }

    public LayerFamily family() {
        return LayerFamily.of(geometry);
    }

    public String typeKey() {
        return LayerFamily.typeKey(geometry);
    }

    public String generalTypeKey() {
        return LayerFamily.generalTypeKey(geometry);
    }

    /** The device a stored or exported row was measured on: its profile, and its browser where it has one. */
    public static String deviceOf(String profile, String browser) {
        return browser == null || browser.isEmpty() ? profile : profile + " " + browser;
    }
}
