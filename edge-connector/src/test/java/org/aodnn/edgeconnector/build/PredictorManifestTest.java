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
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.NetworkProfile;
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

    private static org.aodnn.modelfitting.predictor.PredictorDocument fitGpu(Store store) {
        List<LayerSample> rows = new ArrayList<>();
        for (LayerMeasurement m : store.measurements().find(MeasurementFilter.parse(List.of(
                "platform=edge-server", "target=gpu", "model=alexnet", "model=resnet18", "model=vgg11")))) {
            rows.add(new LayerSample(Platforms.of(m.key().target(), m.key().backend()), m.key().model(),
                    m.key().layerIndex(), m.layerName(), m.geometry(), m.key().threads(), m.cpuFreqKhz(),
                    m.latencyMs()));
        }
        return new PredictorFitter(FitOptions.logLatency().withMaxDegree(2)).fit(rows, FitMonitor.NONE).document();
    }
}
