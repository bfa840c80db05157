package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.util.List;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;

class ManifestDiffTest {

    @Test
    void listsChangedPathsButNotSignatureOrCreationTime() {
        KeyPair key = Ed25519.generate();
        ObjectNode deployed = ManifestFixtures.signed("alexnet", 3, key);
        ObjectNode next = ManifestFixtures.unsigned("alexnet", 4);
        next.put("created_at", "2026-11-27T00:00:00Z");
        next.put("eta", 120);
        ((ObjectNode) next.get("decision_table").get("entries").get(12)).put("k", 0);
        ManifestSignature.sign(next, key.getPrivate(), key.getPublic());

        List<ManifestDiff.Change> changes = ManifestDiff.between(deployed, next);
        assertEquals(List.of("$.decision_table.entries[12].k", "$.eta", "$.version"),
                changes.stream().map(ManifestDiff.Change::path).toList());
        assertEquals("$.eta: 100 -> 120", changes.get(1).toString());
        assertTrue(ManifestDiff.summary(changes).startsWith("3 changes: "));
        assertEquals("identical (apart from signature and creation time)",
                ManifestDiff.summary(ManifestDiff.between(deployed, deployed)));
        assertEquals(1, ManifestDiff.between(null, next).size(), "first deployment");
    }
}
