package org.aodnn.modelfitting.predictor;

import org.aodnn.db.domain.LayerGeometry;

/**
 * The features x of Eq. 1, each with a fixed definition so that any evaluator (Java here, JavaScript in
 * the browser runtime) computes the same value from a layer's geometry and the device state. The names are
 * part of the predictor format (docs/predictor-format.md).
 */
public enum BaseFeature {
    /** Floating-point operations (special term F: compute). */
    FLOPS("flops"),
    /** Bytes moved: float32 input + output + weights (special term F: memory access). */
    MEMORY_BYTES("memory_bytes"),
    IN_ELEMS("in_elems"),
    OUT_ELEMS("out_elems"),
    IN_CHANNELS("in_channels"),
    OUT_CHANNELS("out_channels"),
    /** kernel_h * kernel_w. */
    KERNEL_AREA("kernel_area"),
    STRIDE("stride"),
    PADDING("padding"),
    GROUPS("groups"),
    /** First dimension of the input shape (1 when the shape does not say). */
    BATCH("batch"),
    /** out_elems / out_channels: the output's spatial size (H*W), 1 when out_channels is 0. */
    OUT_SPATIAL("out_spatial"),
    /** CPU threads used (0 on a GPU). */
    THREADS("threads"),
    /**
     * CPU frequency in MHz. Unknown for many rows (the edge data, browsers that cannot read it) and for
     * questions about a device state nobody fixed: such a row is not "0 MHz" but "typical", so fitting leaves it
     * out of the feature's mean and scale and both fitting and evaluation give it z = 0, the training mean.
     */
    CPU_FREQ_MHZ("cpu_freq_mhz");

    private final String id;

    BaseFeature(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static BaseFeature ofId(String id) {
        for (BaseFeature f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + id + "'");
    }

    /** Whether the sample states this feature's value; only the CPU frequency may be unknown. */
    public boolean known(LayerSample s) {
        return this != CPU_FREQ_MHZ || s.cpuFreqKhz() != null;
    }

    /** The standardised input of {@code f} for {@code s}: 0 (the training mean) where the value is unknown. */
    public static double standardised(FeatureInput f, LayerSample s) {
        BaseFeature feature = ofId(f.name());
        return feature.known(s) ? f.standardise(feature.value(s)) : 0.0;
    }

    public double value(LayerSample s) {
        LayerGeometry g = s.geometry();
        return switch (this) {
            case FLOPS -> g.flops();
            case MEMORY_BYTES -> 4.0 * ((double) g.inElems() + g.outElems() + g.params());
            case IN_ELEMS -> g.inElems();
            case OUT_ELEMS -> g.outElems();
            case IN_CHANNELS -> g.inChannels();
            case OUT_CHANNELS -> g.outChannels();
            case KERNEL_AREA -> (double) g.kernelH() * g.kernelW();
            case STRIDE -> g.stride();
            case PADDING -> g.padding();
            case GROUPS -> g.groups();
            case BATCH -> batch(g.inShape());
            case OUT_SPATIAL -> g.outChannels() == 0 ? 1.0 : (double) g.outElems() / g.outChannels();
            case THREADS -> s.threads();
            case CPU_FREQ_MHZ -> s.cpuFreqKhz() == null ? 0.0 : s.cpuFreqKhz() / 1000.0;
        };
    }

    private static double batch(String shape) {
        int x = shape.indexOf('x');
        String first = x < 0 ? shape : shape.substring(0, x);
        try {
            return Math.max(1, Long.parseLong(first.trim()));
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }
}
