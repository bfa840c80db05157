package org.aodnn.edgeconnector.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.edgeconnector.manifest.ManifestSchema;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.Decision;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestBuilderTest {

    @TempDir
    Path dir;

    @Test
    void carriesTheSolversInputsAndChoices() throws Exception {
        try (Store store = TestStores.open(dir)) {
            ResolvedPolicy policy = Policies.resolve(store, "resnet18", NetworkProfile.FOUR_G, 8, 30, 900, 12);
            ObjectNode doc = ManifestBuilder.build(policy, 7, Instant.parse("2026-11-26T07:00:00.123Z"));
            ManifestSchema.validate(doc);
            assertEquals(7, doc.get("version").asInt());
            assertEquals("2026-11-26T07:00:00Z", doc.get("created_at").asText());
            assertEquals(policy.model().layers().size(), doc.get("layers").get("count").asInt());
            assertEquals(LayerTableHash.of(policy.model()), doc.get("layers").get("sha256").asText());
            JsonNode items = doc.get("layers").get("items");
            var inputs = policy.problem().inputs();
            for (int i = 0; i < inputs.layerCount(); i++) {
                assertEquals(inputs.layers().get(i).twMs(), items.get(i).get("tw_ms").asDouble());
                assertEquals(inputs.layers().get(i).teMs(), items.get(i).get("te_ms").asDouble());
                assertEquals(inputs.layers().get(i).ewJ(), items.get(i).get("ew_j").asDouble());
                assertEquals(inputs.layers().get(i).weightBytes(), items.get(i).get("weight_bytes").asLong());
            }
            JsonNode cuts = doc.get("cuts");
            assertEquals(policy.problem().cutCount(), cuts.size());
            assertNull(cuts.get(0).get("after_layer").textValue());
            assertEquals(inputs.inputBytes(), cuts.get(0).get("crossing_bytes").asLong());
            assertEquals(0, cuts.get(cuts.size() - 1).get("crossing_bytes").asLong(), "nothing uploaded for k = N");
            assertEquals("4g", doc.get("network_profiles").get("selected").asText());
            assertEquals(438.39, doc.get("network_profiles").get("profiles").get("4g").get("alpha_u").asDouble());
            assertEquals(900 / 12.0, doc.get("eta").asDouble());
            Decision now = policy.decide();
            JsonNode at8 = doc.get("decision_table").get("entries").get(7);
            assertEquals(8, at8.get("up_mbps").asInt());
            assertEquals(now.k(), at8.get("k").asInt(), "the table row of the policy's own uplink is its decision");
            assertEquals(now.tMs(), at8.get("t_ms").asDouble());
            assertEquals("compute_power", doc.get("predictors").get(2).get("kind").asText());
            assertEquals(2500, doc.get("predictors").get(2).get("milliwatts").asDouble());
        }
    }

    @Test
    void theLayerTableHashFollowsTheCatalogEntry() throws Exception {
        try (Store store = TestStores.open(dir)) {
            DnnModel model = store.models().find("alexnet").orElseThrow();
            List<ModelLayer> layers = new ArrayList<>(model.layers());
            ModelLayer first = layers.get(0);
            layers.set(0, new ModelLayer(0, first.layerName(), first.geometry(), !first.cutAfter(), first.crossingElems()));
            assertEquals(LayerTableHash.of(model), LayerTableHash.of(store.models().find("alexnet").orElseThrow()));
            assertNotEquals(LayerTableHash.of(model), LayerTableHash.of(new DnnModel("alexnet", model.source(), layers)));
            assertTrue(LayerTableHash.of(model).matches("[0-9a-f]{64}"));
        }
    }
}
