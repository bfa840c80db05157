package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;

/**
 * What the Edge workspace shows per node: the registry entry, the latest health check, the manifests the
 * node reports it serves (null when it could not be asked) and the last deployment the console made there.
 */
public record NodeStatus(EdgeNode node, NodeHealth health, JsonNode servedManifests, DeploymentEntry lastDeployment) {

    /** The version of {@code model} the node serves, from its own answer; null when unknown or none. */
    public Long servedVersion(String model) {
        if (servedManifests == null) {
            return null;
        }
        for (JsonNode m : servedManifests) {
            if (model.equals(m.path("model").asText())) {
                return m.path("version").asLong();
            }
        }
        return null;
    }
}
