package org.aodnn.policyeditor.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
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
     * The stored latency predictors as sources, newest predictor first: one per platform and thread count the
     * platform was trained at (a predictor models threads as a feature, so it answers for each device state it
     * has seen); where a document does not record its training thread counts, 1 (what a browser tab gets), 0 on
     * a GPU platform.
     */
    public List<PredictorSource> list() {
        return sources().latency();
    }

    /** The stored latency and energy predictors as sources, read in one pass over the stored predictors. */
    public Sources sources() {
        List<PredictorSource> latency = new ArrayList<>();
        List<PredictorSource> energy = new ArrayList<>();
        for (StoredPredictor p : repository.list()) {
            List<PredictorSource> out = PredictorDocument.QUANTITY_LATENCY.equals(p.quantity()) ? latency
                    : PredictorDocument.QUANTITY_ENERGY.equals(p.quantity()) ? energy : null;
            if (out == null || p.platform() == null) {
                continue;
            }
            Map<String, List<Integer>> trained = trainingThreads(p.name());
            for (String platform : p.platform().split(",")) {
                String name = platform.trim();
                if (name.isEmpty()) {
                    continue;
                }
                List<Integer> threads = trained.getOrDefault(name, List.of());
                for (int t : threads.isEmpty() ? List.of(Platforms.defaultThreads(name)) : threads) {
                    out.add(new PredictorSource(p.name(), name, t));
                }
            }
        }
        return new Sources(List.copyOf(latency), List.copyOf(energy));
    }

    /** Latency predictors (browser or edge latencies) and energy predictors (mobile energy), newest first. */
    public record Sources(List<PredictorSource> latency, List<PredictorSource> energy) {
    }

    /**
     * Per platform, the thread counts the stored document says it was trained at; none for a document that
     * does not say or cannot be read (choosing it then reports what is wrong with it).
     */
    private Map<String, List<Integer>> trainingThreads(String name) {
        Map<String, List<Integer>> out = new HashMap<>();
        try {
            repository.find(name).ifPresent(stored -> PredictorJson.read(stored).platforms()
                    .forEach(pp -> out.put(pp.platform(), pp.trainingThreads())));
        } catch (PredictorFormatException e) {
            return Map.of();
        }
        return out;
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
            doc = PredictorJson.read(stored);
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
