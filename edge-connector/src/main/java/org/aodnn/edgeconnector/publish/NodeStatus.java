package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;

/**
 * What the Edge workspace shows per node: the registry entry, the latest health check, the manifests the
 * node reports it serves (null when it could not be asked) and the last deployment the console made there.
 */
public record NodeStatus(EdgeNode node, NodeHealth health, JsonNode servedManifests, DeploymentEntry lastDeployment) {
}
