package org.aodnn.modelfitting.eval;

import java.util.List;
import java.util.function.Function;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.LayerSample;

/** The baselines the predictor is compared with. */
public final class Baselines {

    public static final String FLOPS_LINEAR = "flops-linear";
    public static final String LEAST_SQUARES = "least-squares";

    /** Eq. 1's feature list without the polynomial: what plain least squares sees. */
    private static final List<BaseFeature> LINEAR_FEATURES = List.of(BaseFeature.FLOPS, BaseFeature.MEMORY_BYTES,
            BaseFeature.IN_ELEMS, BaseFeature.OUT_ELEMS, BaseFeature.IN_CHANNELS, BaseFeature.OUT_CHANNELS,
            BaseFeature.KERNEL_AREA, BaseFeature.STRIDE, BaseFeature.PADDING, BaseFeature.GROUPS,
            BaseFeature.THREADS, BaseFeature.CPU_FREQ_MHZ);

    private Baselines() {
    }

    /**
     * Neurosurgeon-style: latency = a + b * FLOPs per layer type, fitted separately per platform and thread
     * count (a device configuration); unseen types use the family's line, then the platform's.
     */
    public static LatencyModel flopsLinear(List<LayerSample> training) {
        return new GroupedLinearBaseline(FLOPS_LINEAR, training, List.of(
                s -> s.platform() + "|" + s.threads() + "|" + s.typeKey(),
                s -> s.platform() + "|" + s.threads() + "|" + s.family().id(),
                s -> s.platform() + "|" + s.threads()),
                s -> new double[] {s.geometry().flops()});
    }

    /** Ordinary least squares on raw latency over the Eq. 1 features (degree 1), per platform and layer type. */
    public static LatencyModel leastSquares(List<LayerSample> training) {
        // as for the predictor, an unknown CPU frequency is the training rows' mean, not 0 MHz
        double meanMhz = training.stream().filter(BaseFeature.CPU_FREQ_MHZ::known)
                .mapToDouble(BaseFeature.CPU_FREQ_MHZ::value).average().orElse(0.0);
        Function<LayerSample, double[]> features = s -> {
            double[] x = new double[LINEAR_FEATURES.size()];
            for (int i = 0; i < x.length; i++) {
                BaseFeature f = LINEAR_FEATURES.get(i);
                x[i] = f.known(s) ? f.value(s) : meanMhz;
            }
            return x;
        };
        return new GroupedLinearBaseline(LEAST_SQUARES, training, List.of(
                s -> s.platform() + "|" + s.typeKey(),
                s -> s.platform() + "|" + s.family().id(),
                s -> s.platform()),
                features);
    }
}
