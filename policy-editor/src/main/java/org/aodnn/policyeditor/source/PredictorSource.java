package org.aodnn.policyeditor.source;

/**
 * Per-layer latencies predicted by a fitted predictor stored in the database (model-fitting's
 * {@code aodnn fit --save NAME}): the document's {@code platform} entry (for example {@code gpu} or
 * {@code browser/wasm}) evaluated for every layer of the model at {@code threads} CPU threads (0 on a GPU).
 * Serialised in policy documents with a {@code kind} of {@code predictor}.
 */
public record PredictorSource(String name, String platform, int threads) implements LayerSource {

    public PredictorSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a predictor source needs the stored predictor's name");
        }
        if (platform == null || platform.isBlank()) {
            throw new IllegalArgumentException("predictor source '" + name + "' needs a platform");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("predictor source '" + name + "': threads must be >= 0, got "
                    + threads);
        }
    }

    /** {@code predictor NAME: platform/threads}. */
    @Override
    public String describe() {
        return "predictor " + name + ": " + platform + "/" + threads;
    }
}
