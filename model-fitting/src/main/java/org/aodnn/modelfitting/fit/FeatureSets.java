package org.aodnn.modelfitting.fit;

import static org.aodnn.modelfitting.predictor.BaseFeature.CPU_FREQ_MHZ;
import static org.aodnn.modelfitting.predictor.BaseFeature.FLOPS;
import static org.aodnn.modelfitting.predictor.BaseFeature.GROUPS;
import static org.aodnn.modelfitting.predictor.BaseFeature.IN_CHANNELS;
import static org.aodnn.modelfitting.predictor.BaseFeature.IN_ELEMS;
import static org.aodnn.modelfitting.predictor.BaseFeature.KERNEL_AREA;
import static org.aodnn.modelfitting.predictor.BaseFeature.MEMORY_BYTES;
import static org.aodnn.modelfitting.predictor.BaseFeature.OUT_CHANNELS;
import static org.aodnn.modelfitting.predictor.BaseFeature.OUT_ELEMS;
import static org.aodnn.modelfitting.predictor.BaseFeature.OUT_SPATIAL;
import static org.aodnn.modelfitting.predictor.BaseFeature.PADDING;
import static org.aodnn.modelfitting.predictor.BaseFeature.STRIDE;
import static org.aodnn.modelfitting.predictor.BaseFeature.THREADS;
import static org.aodnn.modelfitting.predictor.BaseFeature.BATCH;

import java.util.List;
import org.aodnn.modelfitting.predictor.BaseFeature;
import org.aodnn.modelfitting.predictor.LayerFamily;

/**
 * Candidate features per family. Features constant in a unit's training rows (batch here, threads on a
 * GPU, an unknown CPU frequency) are dropped by the fitter, so the lists can name everything that may vary.
 */
public final class FeatureSets {

    public enum Choice { FULL, COMPACT }

    /** Eq. 1 as written: all geometry, the device state, and the special terms FLOPs and memory access. */
    static final List<BaseFeature> FULL = List.of(FLOPS, MEMORY_BYTES, IN_ELEMS, OUT_ELEMS, IN_CHANNELS,
            OUT_CHANNELS, KERNEL_AREA, STRIDE, PADDING, GROUPS, BATCH, THREADS, CPU_FREQ_MHZ);

    private FeatureSets() {
    }

    public static List<BaseFeature> candidates(Choice choice, LayerFamily family) {
        if (choice == Choice.FULL) {
            return FULL;
        }
        // What drives each family's cost: work and traffic for convolutions, traffic for element-wise layers.
        return switch (family) {
            case CONVOLUTION, DEPTHWISE_CONVOLUTION ->
                    List.of(FLOPS, MEMORY_BYTES, OUT_SPATIAL, IN_CHANNELS, KERNEL_AREA, STRIDE, BATCH, THREADS, CPU_FREQ_MHZ);
            case GROUPED_CONVOLUTION -> List.of(FLOPS, MEMORY_BYTES, GROUPS, IN_CHANNELS, BATCH, THREADS, CPU_FREQ_MHZ);
            case FULLY_CONNECTED -> List.of(FLOPS, MEMORY_BYTES, BATCH, THREADS, CPU_FREQ_MHZ);
            case POOLING -> List.of(IN_ELEMS, OUT_ELEMS, KERNEL_AREA, BATCH, THREADS, CPU_FREQ_MHZ);
            case BATCH_NORMALISATION -> List.of(IN_ELEMS, IN_CHANNELS, BATCH, THREADS, CPU_FREQ_MHZ);
            case ACTIVATION -> List.of(IN_ELEMS, BATCH, THREADS, CPU_FREQ_MHZ);
            case OTHER -> List.of(FLOPS, MEMORY_BYTES, IN_ELEMS, BATCH, THREADS, CPU_FREQ_MHZ);
        };
    }

    /** The platform-wide fallback model sees every family: work, traffic and size. */
    public static List<BaseFeature> global(Choice choice) {
        return choice == Choice.FULL ? FULL : List.of(FLOPS, MEMORY_BYTES, IN_ELEMS, OUT_ELEMS, BATCH, THREADS, CPU_FREQ_MHZ);
    }
}
