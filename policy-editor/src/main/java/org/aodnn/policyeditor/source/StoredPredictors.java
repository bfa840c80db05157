package org.aodnn.policyeditor.source;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Prediction;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorFormatException;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.policyeditor.solver.LayerValues;

/**
 * Latencies (and mobile energies, from energy predictors) from the fitted predictors stored in the database ({@link PredictorRepository}), evaluated with
 * model-fitting's Smile-free {@link PredictorEvaluator}. Every layer of the model gets a prediction: a layer
 * type the predictor never saw is answered by a family or global model (counted as a fallback), never refused.
 */
public final class StoredPredictors {

    private final PredictorRepository repository;

    public StoredPredictors(Store store) {
        this.repository = new PredictorRepository(store.dsl());
    }

    /**
     * One source per stored latency predictor and platform, newest predictor first: CPU threads 1 (a
     * predictor models threads as a feature; 1 is what a browser tab gets), 0 on a GPU platform.
     */
    public List<PredictorSource> list() {
        return list(PredictorDocument.QUANTITY_LATENCY);
    }

    /** As {@link #list()}, for the stored energy predictors (mobile energy per layer). */
    public List<PredictorSource> listEnergy() {
        return list(PredictorDocument.QUANTITY_ENERGY);
    }

    private List<PredictorSource> list(String quantity) {
        List<PredictorSource> out = new ArrayList<>();
        for (StoredPredictor p : repository.list()) {
            if (!quantity.equals(p.quantity()) || p.platform() == null) {
                continue;
            }
            for (String platform : p.platform().split(",")) {
                String name = platform.trim();
                if (!name.isEmpty()) {
                    out.add(new PredictorSource(p.name(), name, defaultThreads(name)));
                }
            }
        }
        return out;
    }

    /** 0 on a GPU platform ({@code gpu}, {@code gpu/...}), the value GPU measurements carry; else 1. */
    public static int defaultThreads(String platform) {
        return platform.equals("gpu") || platform.startsWith("gpu/") ? 0 : 1;
    }

    /** Per-layer predicted latency (ms) of {@code model}; fails naming a missing predictor or platform. */
    public LayerValues latencies(PredictorSource source, DnnModel model) {
        return predict(source, model).values();
    }

    /** The per-layer predictions and how many of them came from a fallback (family or global) model. */
    public Predicted predict(PredictorSource source, DnnModel model) {
        return predict(source, model, PredictorDocument.QUANTITY_LATENCY);
    }

    /**
     * Per-layer mobile energy in joules from a stored energy predictor (which predicts millijoules); fails
     * naming a missing predictor or platform, or a predictor of latency.
     */
    public LayerValues energies(PredictorSource source, DnnModel model) {
        Predicted mj = predict(source, model, PredictorDocument.QUANTITY_ENERGY);
        double[] joules = mj.values().toArray();
        for (int i = 0; i < joules.length; i++) {
            joules[i] /= 1000;
        }
        return new LayerValues(source.describe() + " energy_j", joules);
    }

    private Predicted predict(PredictorSource source, DnnModel model, String quantity) {
        PredictorEvaluator evaluator = evaluator(source, quantity);
        double[] ms = new double[model.layers().size()];
        int fallbacks = 0;
        for (int i = 0; i < ms.length; i++) {
            ModelLayer layer = model.layers().get(i); // layer i has layer_index i (the catalog's order)
            LayerSample sample = new LayerSample(source.platform(), model.name(), layer.layerIndex(),
                    layer.layerName(), layer.geometry(), source.threads(), null, Double.NaN);
            Prediction p = evaluator.predict(source.platform(), sample);
            ms[i] = p.ms();
            fallbacks += p.isFallback() ? 1 : 0;
        }
        return new Predicted(new LayerValues(source.describe() + " " + quantity, ms), fallbacks);
    }

    /** Predicted per-layer latencies; {@code fallbacks} layers were answered by a less specific model. */
    public record Predicted(LayerValues values, int fallbacks) {
    }

    private PredictorEvaluator evaluator(PredictorSource source, String quantity) {
        StoredPredictor stored = repository.find(source.name()).orElseThrow(() -> new SourceException(
                "no stored predictor named '" + source.name() + "' (fit one with aodnn fit --save NAME)"));
        PredictorDocument doc;
        try {
            doc = PredictorJson.read("stored predictor '" + source.name() + "'", stored.document());
        } catch (PredictorFormatException e) {
            throw new SourceException(e.getMessage(), e);
        }
        if (!quantity.equals(doc.quantity())) {
            throw new SourceException("stored predictor '" + source.name() + "' predicts " + doc.quantity()
                    + ", not " + quantity);
        }
        PredictorEvaluator evaluator = new PredictorEvaluator(doc);
        if (!evaluator.hasPlatform(source.platform())) {
            throw new SourceException("stored predictor '" + source.name() + "' has no platform '"
                    + source.platform() + "' (it has " + String.join(", ", doc.platformNames()) + ")");
        }
        return evaluator;
    }
}
