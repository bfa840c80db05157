package org.aodnn.policyeditor;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;

/**
 * A small latency predictor fitted with model-fitting's API on the real stored measurements of four
 * models (edge GPU as platform {@code gpu}, reference browser WebAssembly as {@code browser/wasm}), then
 * stored the way {@code aodnn fit --save} stores it. MobileNet-style layers (depthwise convolutions,
 * ReLU6) are not among the training types, so predicting mobilenet_v2 exercises the evaluator's fallbacks.
 */
public final class TinyPredictor {

    public static final List<String> TRAINING_MODELS = List.of("alexnet", "resnet18", "vgg11", "squeezenet1_1");

    private static String documentJson; // fitted once per test JVM: the same rows give the same document

    private TinyPredictor() {
    }

    /** Fits (once) and stores the predictor under {@code name} in {@code store}. */
    public static synchronized PredictorDocument store(Store store, String name) {
        if (documentJson == null) {
            documentJson = PredictorJson.write(fit(store));
        }
        PredictorDocument doc = PredictorJson.read("tiny predictor", documentJson);
        new PredictorRepository(store.dsl()).save(new StoredPredictor(name, String.join(",", doc.platformNames()),
                doc.quantity(), doc.schemaVersion(), doc.fingerprint(), documentJson, "{}", null), false);
        return doc;
    }

    private static PredictorDocument fit(Store store) {
        List<String> terms = new ArrayList<>(List.of("platform=edge-server", "platform=reference-browser"));
        TRAINING_MODELS.forEach(m -> terms.add("model=" + m));
        List<LayerSample> rows = new ArrayList<>();
        for (LayerMeasurement m : store.measurements().find(MeasurementFilter.parse(terms))) {
            if (m.key().target().equals("gpu") || m.key().backend().equals("wasm")) {
                rows.add(new LayerSample(Platforms.of(m.key().target(), m.key().backend()), m.key().model(),
                        m.key().layerIndex(), m.layerName(), m.geometry(), m.key().threads(), m.cpuFreqKhz(),
                        m.latencyMs()));
            }
        }
        return new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(rows, FitMonitor.NONE).document();
    }
}
