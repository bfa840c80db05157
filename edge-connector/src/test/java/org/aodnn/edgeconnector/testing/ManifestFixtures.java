package org.aodnn.edgeconnector.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestFields;
import org.aodnn.edgeconnector.manifest.ManifestSignature;

/**
 * Small schema-valid manifests for the agent's admission tests (the agent checks structure and signature,
 * not where the numbers came from; manifests built from the real solver are tested elsewhere).
 */
public final class ManifestFixtures {

    private ManifestFixtures() {
    }

    /** An unsigned three-layer manifest of {@code model} at {@code version}. */
    public static ObjectNode unsigned(String model, long version) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("schema", ManifestFields.SCHEMA_ID);
        doc.put("model", model);
        doc.put("version", version);
        doc.put("created_at", "2026-11-26T07:00:00Z");
        ObjectNode layers = doc.putObject("layers");
        layers.put("count", 3);
        layers.put("sha256", "0".repeat(63) + "1");
        layers.put("input_bytes", 602112);
        ArrayNode items = layers.putArray("items");
        String[] names = {"features.0", "features.1", "classifier.0"};
        for (int i = 0; i < 3; i++) {
            ObjectNode item = items.addObject();
            item.put("index", i);
            item.put("name", names[i]);
            item.put("type", i == 2 ? "Linear" : "Conv2d");
            item.put("tw_ms", 10.5 + i);
            item.put("te_ms", 0.25 + i / 10.0);
            item.put("ew_j", 0.0125 * (i + 1));
            item.put("weight_bytes", 4000L * (i + 1));
            item.put("cut_after", i != 1);
            item.put("crossing_bytes", i == 1 ? 0 : 1000L * (3 - i));
        }
        ArrayNode cuts = doc.putArray("cuts");
        cuts.addObject().put("k", 0).putNull("after_layer").put("crossing_bytes", 602112);
        cuts.addObject().put("k", 1).put("after_layer", "features.0").put("crossing_bytes", 3000);
        cuts.addObject().put("k", 3).put("after_layer", "classifier.0").put("crossing_bytes", 1000);
        ObjectNode net = doc.putObject("network_profiles");
        net.put("selected", "wifi");
        net.put("up_mbps", 10);
        net.put("down_mbps", 50);
        ObjectNode profiles = net.putObject("profiles");
        profiles.putObject("wifi").put("alpha_u", 283.17).put("alpha_d", 137.01).put("beta_p", 132.86);
        doc.putObject("bounds").put("t_max_ms", 500).put("e_max_j", 5);
        doc.put("eta", 100);
        doc.putArray("predictors");
        ArrayNode entries = doc.putObject("decision_table").putArray("entries");
        for (boolean cached : new boolean[] {false, true}) {
            for (int up = 1; up <= 100; up++) {
                entries.addObject().put("up_mbps", up).put("weights_cached", cached).put("k", up < 20 ? 3 : 0)
                        .put("t_ms", 100.0 / up + 1).put("e_j", 0.5).put("feasible", true);
            }
        }
        return doc;
    }

    public static ObjectNode signed(String model, long version, KeyPair key) {
        return ManifestSignature.sign(unsigned(model, version), key.getPrivate(), key.getPublic());
    }

    public static byte[] bytes(ObjectNode doc) {
        return StrictJson.pretty(doc);
    }
}
