package org.aodnn.policyeditor.solver;

/** The comparison policies of the paper (§III.A), evaluated on the same inputs as the chosen cut. */
public enum Baseline {
    /** k = 0: upload the input, run everything on the edge. */
    EDGE_ONLY("edge_only"),
    /** k = N: run everything in the browser. */
    LOCAL_ONLY("local_only"),
    /** Neurosurgeon, latency objective: minimum T(k) ignoring model loading, bounds ignored. */
    NEURO_L("neuro_l"),
    /** Neurosurgeon, energy objective: minimum mobile E(k) ignoring model loading, bounds ignored. */
    NEURO_E("neuro_e");

    private final String key;

    Baseline(String key) {
        this.key = key;
    }

    /** The name used in JSON documents. */
    public String key() {
        return key;
    }
}
