package org.aodnn.edgeconnector.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.edgeconnector.manifest.ManifestSchema;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.modelfitting.fit.PredictorFitter;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.PredictorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy whose edge latencies come from a fitted predictor ships that predictor inside its manifest. */
class PredictorManifestTest {

    @TempDir
    Path dir;

    @Test
    void predictorSourcesCarryTheirDocument() throws Exception {
        try (Store store = TestStores.open(dir)) {
            String documentJson = PredictorJson.write(fitGpu(store));
            JsonNode document = new ObjectMapper().readTree(documentJson);
            new org.aodnn.db.repo.PredictorRepository(store.dsl()).save(new org.aodnn.db.domain.StoredPredictor(
                    "edge-gpu", "gpu", "latency_ms", 1, "test", documentJson, "{}", null), false);
            PolicySettings measured = Policies.settings(store, "resnet18", NetworkProfile.WIFI, 20, 80, 500, 5);
            PolicySettings settings = new PolicySettings(measured.model(), measured.mobileLatency(),
                    new PredictorSource("edge-gpu", "gpu", 0), measured.mobileEnergy(), measured.network(),
                    measured.upMbps(), measured.downMbps(), false, 500, 5, 100, true, null);
            ResolvedPolicy policy = PolicyInputs.resolve(store, settings);

            ObjectNode doc = ManifestBuilder.build(policy, 1, Instant.parse("2026-11-26T08:00:00Z"),
                    name -> name.equals("edge-gpu") ? Optional.of(document) : Optional.empty());
            ManifestSchema.validate(doc);
            JsonNode edge = doc.get("predictors").get(1);
            assertEquals("edge_latency", edge.get("name").asText());
            assertEquals("predictor", edge.get("kind").asText());
            assertEquals("gpu", edge.get("platform").asText());
            assertEquals(document, edge.get("document"), "the whole predictor travels with the manifest");
            assertTrue(doc.get("predictors").get(0).get("document") == null, "measured sources carry none");

            var missing = assertThrows(IllegalStateException.class,
                    () -> ManifestBuilder.build(policy, 1, Instant.now()));
            assertTrue(missing.getMessage().contains("edge-gpu"), missing.getMessage());
        }
    }

    @Test
    void anEnergyPredictorGivesTheLayersEnergyAndTravelsWithTheManifest() throws Exception {
        try (Store store = TestStores.open(dir)) {
            // SYNTHETIC BY CONSTRUCTION (no real phone energy ships): the reference browser's measured wasm
            // latencies as energies at 1.5 W (1 W for 1 ms is 1 mJ)
            List<LayerSample> rows = samples(store, 1.5, "platform=reference-browser", "backend=wasm");
            PredictorDocument energy = new PredictorFitter(FitOptions.logLatency().withMaxDegree(2), Quantity.ENERGY)
                    .fit(rows, FitMonitor.NONE).document();
            String json = PredictorJson.write(energy);
            new org.aodnn.db.repo.PredictorRepository(store.dsl()).save(new org.aodnn.db.domain.StoredPredictor(
                    "phone-energy", "browser/wasm", "energy_mj", 1, energy.fingerprint(), json, "{}", null), false);
            PredictorSource source = new PredictorSource("phone-energy", "browser/wasm", 1);
            PolicySettings measured = Policies.settings(store, "resnet18", NetworkProfile.WIFI, 20, 80, 500, 5);
            PolicySettings settings = new PolicySettings(measured.model(), measured.mobileLatency(),
                    measured.edgeLatency(), new EnergySource.Predicted(source), measured.network(),
                    measured.upMbps(), measured.downMbps(), false, 500, 5, 100, true, null);
            ResolvedPolicy policy = PolicyInputs.resolve(store, settings);

            JsonNode document = new ObjectMapper().readTree(json);
            ObjectNode doc = ManifestBuilder.build(policy, 1, Instant.parse("2026-11-26T08:00:00Z"),
                    name -> name.equals("phone-energy") ? Optional.of(document) : Optional.empty());
            ManifestSchema.validate(doc);
            JsonNode entry = doc.get("predictors").get(2);
            assertEquals("mobile_energy", entry.get("name").asText());
            assertEquals("predictor", entry.get("kind").asText());
            assertEquals("browser/wasm", entry.get("platform").asText());
            assertEquals(document, entry.get("document"));

            // every layer's energy is the predictor's millijoules for it, in joules
            PredictorEvaluator evaluator = new PredictorEvaluator(energy);
            JsonNode items = doc.get("layers").get("items");
            var layers = policy.model().layers();
            for (int i = 0; i < layers.size(); i++) {
                var g = layers.get(i);
                double mj = evaluator.predict("browser/wasm", new LayerSample("browser/wasm", "resnet18", g.layerIndex(),
                        g.layerName(), g.geometry(), 1, null, Double.NaN)).ms();
                assertEquals(mj / 1000, items.get(i).get("ew_j").asDouble(), 1e-15, "layer " + i);
            }

            // a latency predictor is no energy source, and the error says so
            PolicySettings wrong = new PolicySettings(settings.model(), settings.mobileLatency(), settings.edgeLatency(),
                    new EnergySource.Predicted(new PredictorSource("edge-gpu", "gpu", 0)), settings.network(), 20, 80,
                    false, 500, 5, 100, true, null);
            new org.aodnn.db.repo.PredictorRepository(store.dsl()).save(new org.aodnn.db.domain.StoredPredictor(
                    "edge-gpu", "gpu", "latency_ms", 1, "test", PredictorJson.write(fitGpu(store)), "{}", null), false);
            Exception e = assertThrows(Exception.class, () -> PolicyInputs.resolve(store, wrong));
            assertTrue(e.getMessage().contains("predicts latency_ms, not energy_mj"), e.getMessage());
        }
    }

    private static org.aodnn.modelfitting.predictor.PredictorDocument fitGpu(Store store) {
        List<LayerSample> rows = samples(store, 1.0, "platform=edge-server", "target=gpu");
        return new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(rows, FitMonitor.NONE).document();
    }

    /** Stored rows of alexnet, resnet18 and vgg11 matching {@code terms}, their latency times {@code scale}. */
    private static List<LayerSample> samples(Store store, double scale, String... terms) {
        List<String> filter = new ArrayList<>(List.of(terms));
        filter.addAll(List.of("model=alexnet", "model=resnet18", "model=vgg11"));
        List<LayerSample> rows = new ArrayList<>();
        for (LayerMeasurement m : store.measurements().find(MeasurementFilter.parse(filter))) {
            rows.add(new LayerSample(Platforms.of(m.key().target(), m.key().backend()), m.key().model(),
                    m.key().layerIndex(), m.layerName(), m.geometry(), m.key().threads(), m.cpuFreqKhz(),
                    scale * m.latencyMs()));
        }
        return rows;
    }
}
