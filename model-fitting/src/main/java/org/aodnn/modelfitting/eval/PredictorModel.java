package org.aodnn.modelfitting.eval;

import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;

/** The fitted predictor document as a {@link LatencyModel}. */
public final class PredictorModel implements LatencyModel {

    public static final String METHOD = "predictor";

    private final PredictorEvaluator evaluator;

    public PredictorModel(PredictorEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public double predictMs(LayerSample sample) {
        return evaluator.predict(sample).ms();
    }

    @Override
    public String flag(LayerSample sample) {
        return evaluator.predict(sample).flag();
    }
}
