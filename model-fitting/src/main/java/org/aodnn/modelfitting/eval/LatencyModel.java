package org.aodnn.modelfitting.eval;

import org.aodnn.modelfitting.predictor.LayerSample;

/** Anything that predicts a layer's latency: the fitted predictor or a baseline. */
public interface LatencyModel {

    String method();

    double predictMs(LayerSample sample);

    default String flag(LayerSample sample) {
        return "";
    }
}
