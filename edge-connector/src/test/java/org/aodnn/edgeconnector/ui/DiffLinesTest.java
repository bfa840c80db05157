package org.aodnn.edgeconnector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.DeployedDiff;
import org.aodnn.edgeconnector.publish.ManifestDiff;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;

/** The diff as an operator reads it: version, merged cut changes per bandwidth, bounds, η, layer hash. */
class DiffLinesTest {

    @Test
    void cutChangesAreMergedIntoBandwidthRunsAndNamedFieldsAreReadable() throws Exception {
        ObjectNode deployed = ManifestFixtures.unsigned("alexnet", 1);
        ObjectNode next = ManifestFixtures.unsigned("alexnet", 2);
        // entries 0..99 are "not cached" at 1..100 Mbit/s, 100..199 "cached"; k is 3 below 20 Mbit/s, else 0
        for (int up = 5; up <= 9; up++) {
            ((ObjectNode) next.get("decision_table").get("entries").get(up - 1)).put("k", 1);
        }
        ((ObjectNode) next.get("decision_table").get("entries").get(100 + 49)).put("k", 3);
        ((ObjectNode) next.get("decision_table").get("entries").get(100 + 49)).put("t_ms", 99.5);
        ((ObjectNode) next.get("bounds")).put("t_max_ms", 400);
        next.put("eta", 80);
        ((ObjectNode) next.get("layers")).put("sha256", "a".repeat(64));
        ((ObjectNode) next.get("layers").get("items").get(1)).put("tw_ms", 12.0);
        SignedManifest nextManifest = SignedManifest.of(next);
        DeployedDiff.Result diff = new DeployedDiff.Result("edge-1", 1L, ManifestDiff.between(deployed, next));

        List<String> lines = DiffLines.of(diff, nextManifest);

        assertEquals("Version: v1 -> v2", lines.get(0));
        assertTrue(lines.contains("Cut at 5-9 Mbit/s (weights not cached): k 3 -> 1"), lines.toString());
        assertTrue(lines.contains("Cut at 50 Mbit/s (weights cached): k 0 -> 3"), lines.toString());
        assertTrue(lines.contains("T_max: 500 -> 400 ms"), lines.toString());
        assertTrue(lines.contains("\u03b7 (eta): 100 -> 80"), lines.toString());
        assertTrue(lines.contains("Layer table hash: 000000000000 -> aaaaaaaaaaaa (the model's layer table changed)"),
                lines.toString());
        assertTrue(lines.contains("Predicted T/E or feasibility changed at 1 of 200 decision-table entries"),
                lines.toString());
        assertTrue(lines.contains("Per-layer values changed: 1 values in 1 layers"), lines.toString());
        assertEquals(8, lines.size(), lines.toString());
    }

    @Test
    void firstDeploymentAndStaleVersionAreSaidPlainly() throws Exception {
        SignedManifest v2 = SignedManifest.of(ManifestFixtures.unsigned("alexnet", 2));
        assertEquals(List.of("Node n serves no alexnet manifest: v2 would be its first."),
                DiffLines.of(new DeployedDiff.Result("n", null, ManifestDiff.between(null, v2.document())), v2));

        assertEquals(List.of("Node n already serves alexnet v2; publishing it again changes nothing."),
                DiffLines.of(new DeployedDiff.Result("n", 2L, ManifestDiff.between(v2.document(), v2.document())), v2));

        ObjectNode v3 = ManifestFixtures.unsigned("alexnet", 3);
        List<String> stale = DiffLines.of(new DeployedDiff.Result("n", 3L, ManifestDiff.between(v3, v2.document())), v2);
        assertEquals(List.of("Version: v3 -> v2",
                "Warning: the node already serves v3; it refuses a version that is not newer.",
                "Nothing else differs (same cuts, bounds, \u03b7 and layers)."), stale);
    }
}
