package org.aodnn.db.domain;

/**
 * One measured layer latency (and energy where measured). Optional statistics are {@code null} when
 * the source did not provide them (for example an imported CSV has only the median).
 */
public record LayerMeasurement(
        MeasurementKey key,
        String layerName,
        LayerGeometry geometry,
        double latencyMs,
        Double latencyMinMs,
        Double latencyMaxMs,
        Double latencyStddevMs,
        int reps,
        Long cpuFreqKhz,
        Double energyMj,
        Boolean throttled,
        Long sessionId) {

    /** A measurement with only the median and repetition count, as in the layer-CSV format. */
    public static LayerMeasurement median(MeasurementKey key, String layerName, LayerGeometry geometry,
                                          double latencyMs, int reps) {
        return new LayerMeasurement(key, layerName, geometry, latencyMs, null, null, null, reps, null, null,
                null, null);
    }
}
