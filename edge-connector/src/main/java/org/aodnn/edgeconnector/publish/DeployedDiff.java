package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.aodnn.edgeconnector.manifest.SignedManifest;

/** What would change on a node: its served manifest of the model (asked live) against the one about to go out. */
public final class DeployedDiff {

    private DeployedDiff() {
    }

    /** The node's version (null when it serves none) and the differences. */
    public record Result(String node, Long deployedVersion, List<ManifestDiff.Change> changes) {
        public String summary() {
            return ManifestDiff.summary(changes);
        }
    }

    public static Result of(EdgeClient client, NodeTarget node, SignedManifest next)
            throws IOException, InterruptedException {
        Optional<JsonNode> served = client.currentManifest(node, next.model());
        return new Result(node.name(), served.map(d -> d.path("version").asLong()).orElse(null),
                ManifestDiff.between(served.orElse(null), next.document()));
    }
}
