package org.aodnn.policyeditor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.repo.PredictorRepository;
import org.aodnn.policyeditor.TinyPredictor;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicyJson;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.LayerValues;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latencies from a predictor fitted on real measurements and stored in a real H2 database. */
class StoredPredictorsTest {

    static final PredictorSource GPU = new PredictorSource("tiny", "gpu", 0);
    static final PredictorSource WASM = new PredictorSource("tiny", "browser/wasm", 1);
    static final MeasurementProfile EDGE_GPU = new MeasurementProfile("edge-server", "gpu", "", "", 0);

    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open(dir.resolve("wb"));
        TinyPredictor.store(store, "tiny");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyPlatformOfAStoredPredictorIsOffered() {
        List<PredictorSource> sources = new StoredPredictors(store).list();
        assertTrue(sources.contains(GPU), sources.toString());
        assertTrue(sources.contains(WASM), sources.toString());
        assertEquals("predictor tiny: browser/wasm/1", WASM.describe());
        assertEquals("predictor", LayerSource.kindOf(WASM));
        assertEquals("measured", LayerSource.kindOf(EDGE_GPU));
        assertEquals("csv", LayerSource.kindOf(new CsvFileSource("/tmp/x.csv")));
    }

    @Test
    void aPlatformIsOfferedAtEachThreadCountItWasTrainedAt() {
        List<org.aodnn.modelfitting.predictor.LayerSample> rows = new java.util.ArrayList<>();
        for (var m : store.measurements().find(org.aodnn.db.repo.MeasurementFilter.parse(List.of(
                "platform=edge-server", "target=cpu", "model=alexnet", "model=resnet18", "threads=1", "threads=4")))) {
            rows.add(new org.aodnn.modelfitting.predictor.LayerSample("cpu", m.key().model(), m.key().layerIndex(),
                    m.layerName(), m.geometry(), m.key().threads(), null, m.latencyMs()));
        }
        var doc = new org.aodnn.modelfitting.fit.PredictorFitter(org.aodnn.modelfitting.fit.FitOptions.logLatency()
                .withMaxDegree(1)).fit(rows, org.aodnn.modelfitting.fit.FitMonitor.NONE).document();
        new PredictorRepository(store.dsl()).save(new StoredPredictor("cpu-1-4", "cpu", doc.quantity(), 1,
                doc.fingerprint(), org.aodnn.modelfitting.predictor.PredictorJson.write(doc), "{}", null), true);
        List<PredictorSource> offered = new StoredPredictors(store).list().stream()
                .filter(p -> p.name().equals("cpu-1-4")).toList();
        assertEquals(List.of(new PredictorSource("cpu-1-4", "cpu", 1), new PredictorSource("cpu-1-4", "cpu", 4)), offered);
        new PredictorRepository(store.dsl()).delete("cpu-1-4");
    }

    @Test
    void everyLayerOfACatalogModelIsPredictedAndUnseenTypesFallBack() {
        DnnModel mobilenet = PolicyInputs.model(store, "mobilenet_v2");
        StoredPredictors.Predicted gpu = new StoredPredictors(store).predict(GPU, mobilenet);
        assertEquals(mobilenet.layers().size(), gpu.values().size());
        for (int i = 0; i < gpu.values().size(); i++) {
            assertTrue(gpu.values().get(i) > 0, "layer " + i + ": " + gpu.values().get(i));
        }
        // depthwise convolutions and ReLU6 are not among the training types: answered, flagged as fallbacks
        assertTrue(gpu.fallbacks() > 0 && gpu.fallbacks() < mobilenet.layers().size(), "fallbacks " + gpu.fallbacks());
        LayerValues viaResolver = new SourceResolver(store).latencies(GPU, mobilenet);
        assertEquals(gpu.values(), viaResolver);
        assertTrue(viaResolver.source().contains("predictor tiny"), viaResolver.source());
    }

    @Test
    void predictionsFollowThePlatformAndTrackTheMeasurementsOfATrainingModel() {
        DnnModel vgg = PolicyInputs.model(store, "vgg11");
        SourceResolver resolver = new SourceResolver(store);
        double predictedGpu = sum(resolver.latencies(GPU, vgg));
        double measuredGpu = sum(resolver.latencies(EDGE_GPU, vgg));
        assertTrue(predictedGpu > measuredGpu / 3 && predictedGpu < measuredGpu * 3,
                "vgg11 on the GPU: predicted " + predictedGpu + " ms, measured " + measuredGpu + " ms");
        double predictedWasm = sum(resolver.latencies(WASM, vgg));
        assertTrue(predictedWasm > 10 * predictedGpu, "the browser is far slower than the edge GPU: "
                + predictedWasm + " vs " + predictedGpu + " ms");
    }

    @Test
    void aMissingPredictorOrPlatformOrABrokenDocumentIsExplained() {
        DnnModel alexnet = PolicyInputs.model(store, "alexnet");
        SourceResolver resolver = new SourceResolver(store);
        SourceException missing = assertThrows(SourceException.class,
                () -> resolver.latencies(new PredictorSource("nope", "gpu", 0), alexnet));
        assertTrue(missing.getMessage().contains("no stored predictor named 'nope'"), missing.getMessage());
        SourceException platform = assertThrows(SourceException.class,
                () -> resolver.latencies(new PredictorSource("tiny", "browser/webgl", 1), alexnet));
        assertTrue(platform.getMessage().contains("has no platform 'browser/webgl'")
                && platform.getMessage().contains("gpu"), platform.getMessage());
        new PredictorRepository(store.dsl()).save(new StoredPredictor("broken", "gpu", "latency_ms", 1, "sha256:0",
                "{\"schemaVersion\":1}", "{}", null), false);
        SourceException broken = assertThrows(SourceException.class,
                () -> resolver.latencies(new PredictorSource("broken", "gpu", 0), alexnet));
        assertTrue(broken.getMessage().contains("stored predictor 'broken'"), broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PredictorSource("tiny", "gpu", -1));
        assertThrows(IllegalArgumentException.class, () -> new PredictorSource(" ", "gpu", 0));
    }

    @Test
    void aPolicyUsingPredictorsRoundTripsThroughJsonAndTheDatabaseAndResolves() {
        Scenario scenario = Scenario.linked(NetworkProfile.FOUR_G.withBeta(1000), 8, 12, true, 2500, 9);
        PolicySettings settings = PolicySettings.of("mobilenet_v2", WASM, GPU, new EnergySource.ComputePower(2500),
                scenario, null);
        String json = PolicyJson.write(settings);
        assertTrue(json.contains("\"mobile_latency\":{\"kind\":\"predictor\",\"name\":\"tiny\","
                + "\"platform\":\"browser/wasm\",\"threads\":1}"), json);
        assertEquals(settings, PolicyJson.read(json));

        new PolicyStore(store).save("predicted", settings);
        ResolvedPolicy resolved = PolicyInputs.resolve(store, "predicted");
        assertEquals(settings, resolved.settings());
        assertEquals(resolved.model().layers().size(), resolved.problem().layerCount());
        assertEquals(1000, resolved.scenario().network().betaMw());
        // local-only with cached weights costs exactly the predicted browser latencies
        int n = resolved.model().layers().size();
        double localOnly = resolved.evaluate().cuts().stream().filter(c -> c.k() == n).findFirst().orElseThrow().tMs();
        double predicted = sum(new SourceResolver(store).latencies(WASM, resolved.model()));
        assertEquals(predicted, localOnly, 1e-9 * predicted);
    }

    private static double sum(LayerValues values) {
        double s = 0;
        for (double v : values.toArray()) {
            s += v;
        }
        return s;
    }
}
