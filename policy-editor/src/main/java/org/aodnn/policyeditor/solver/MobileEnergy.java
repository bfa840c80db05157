package org.aodnn.policyeditor.solver;

/**
 * Where the mobile compute energy {@code ew_i} (J) comes from: a measured per-layer energy profile, or a
 * constant compute power {@code P_compute} (mW) applied to the mobile latency, {@code ew_i = P·tw_i/10^6}.
 */
public sealed interface MobileEnergy {

    /** Per-layer compute energy in J for the given mobile latencies in ms. */
    double[] perLayerJoules(double[] mobileLatencyMs);

    String describe();

    /** Measured energy per layer, in joules. */
    record Measured(LayerValues joules) implements MobileEnergy {
        @Override
        public double[] perLayerJoules(double[] mobileLatencyMs) {
            if (joules.size() != mobileLatencyMs.length) {
                throw new IllegalArgumentException(joules.source() + ": " + joules.size()
                        + " layer energies for a model of " + mobileLatencyMs.length + " layers");
            }
            return joules.toArray();
        }

        @Override
        public String describe() {
            return "measured energy (" + joules.source() + ")";
        }
    }

    /** Compute energy from a constant power draw while computing, in milliwatts. */
    record ComputePower(double milliwatts) implements MobileEnergy {
        public ComputePower {
            if (!Double.isFinite(milliwatts) || milliwatts < 0) {
                throw new IllegalArgumentException("compute power must be a finite number of mW >= 0, got "
                        + milliwatts);
            }
        }

        @Override
        public double[] perLayerJoules(double[] mobileLatencyMs) {
            double[] out = new double[mobileLatencyMs.length];
            for (int i = 0; i < out.length; i++) {
                // mW · ms = µJ
                out[i] = milliwatts * mobileLatencyMs[i] / 1e6;
            }
            return out;
        }

        @Override
        public String describe() {
            return "P_compute " + milliwatts + " mW";
        }
    }
}
