package org.aodnn.modelfitting.fit;

import java.util.List;
import org.aodnn.modelfitting.predictor.PredictorDocument;

/** A fitted predictor with what the fit saw on the way: the CV grid of every unit and any warnings. */
public record FitResult(PredictorDocument document, List<CvScore> cvScores, List<String> warnings) {

    public FitResult {
        cvScores = List.copyOf(cvScores);
        warnings = List.copyOf(warnings);
    }
}
