package org.aodnn.profilinglab.session;

import java.time.Duration;
import java.util.List;
import org.aodnn.profilinglab.job.JobLayer;

/**
 * Time left, from the pace so far. Layers are weighted by their FLOPs plus a constant (every layer pays
 * warm-up and the minimum timing window however small it is), so a few big convolutions at the end do
 * not make the estimate jump.
 */
final class EtaEstimator {

    private final double[] weight;
    private final double totalWeight;
    private double doneWeight;
    private long startNanos = -1;

    EtaEstimator(List<JobLayer> layers, int backends) {
        weight = new double[layers.size()];
        double meanFlops = layers.stream().mapToLong(l -> l.geometry().flops()).average().orElse(0);
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            weight[i] = 1.0 + (meanFlops > 0 ? layers.get(i).geometry().flops() / meanFlops : 0);
            total += weight[i];
        }
        totalWeight = total * backends;
    }

    void start(long nanos) {
        if (startNanos < 0) {
            startNanos = nanos;
        }
    }

    void layerDone(int layerId) {
        doneWeight += weight[layerId];
    }

    /** Null until something is done. */
    Duration remaining(long nowNanos) {
        if (startNanos < 0 || doneWeight <= 0) {
            return null;
        }
        double elapsed = nowNanos - startNanos;
        double left = elapsed * Math.max(0, totalWeight - doneWeight) / doneWeight;
        return Duration.ofNanos((long) left);
    }

    static String format(Duration d) {
        if (d == null) {
            return "estimating";
        }
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
