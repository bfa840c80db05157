package org.aodnn.edgeconnector.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.edgeconnector.publish.NodeHealth;
import org.aodnn.edgeconnector.publish.NodeStatus;
import org.aodnn.edgeconnector.publish.PublishService;

/**
 * One line of the edge node table. Rows are updated in place (registry reloads, health rounds, live
 * publish states) so the table keeps its selection; changed only on the JavaFX thread.
 */
public final class NodeRow {

    /** Health values shown before the first check answered. */
    public static final String UNKNOWN = "unknown";

    private final String name;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper group = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper health = new ReadOnlyStringWrapper(UNKNOWN);
    private final ReadOnlyStringWrapper healthMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper agentVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper manifestCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deployed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper publishState = new ReadOnlyStringWrapper("");

    /** What the node itself said it serves when it last answered (null: it never answered). */
    private JsonNode served;
    /** Whether the last health round got no answer, so {@link #served} is from an earlier one. */
    private boolean servedStale;
    private DeploymentEntry lastDeployment;

    NodeRow(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Takes the registry's values (URL, group, the last recorded health) and the newest deployment. */
    void applyRegistry(EdgeNode node, DeploymentEntry latest) {
        url.set(node.url());
        group.set(node.group() == null ? "" : node.group());
        if (UNKNOWN.equals(health.get()) && node.lastStatus() != null) {
            health.set(node.lastStatus());
            healthMessage.set(node.lastMessage() == null ? "" : node.lastMessage());
        }
        if (latest == null || lastDeployment == null || latest.id() >= lastDeployment.id()) {
            lastDeployment = latest;
        }
        refreshDeployment();
    }

    /** Takes one health check's answer. */
    void applyHealth(NodeStatus status) {
        NodeHealth h = status.health();
        health.set(h.status());
        healthMessage.set(h.message() == null ? "" : h.message());
        agentVersion.set(h.agentVersion() == null ? "" : h.agentVersion());
        uptime.set(h.uptimeS() == null ? "" : formatUptime(h.uptimeS()));
        manifestCount.set(h.manifests() == null ? "" : h.manifests().toString());
        if (status.servedManifests() != null) {
            served = status.servedManifests();
            servedStale = false;
        } else {
            servedStale = true;
        }
        DeploymentEntry polled = status.lastDeployment();
        if (polled != null && (lastDeployment == null || polled.id() > lastDeployment.id())) {
            lastDeployment = polled; // a round that started before a publication finished may bring an older one
        }
        refreshDeployment();
    }

    void setPublishState(String state) {
        publishState.set(state);
    }

    /** The node's own list (marked when it is from an earlier answer), else what the console last deployed there. */
    private void refreshDeployment() {
        if (served != null) {
            List<String> models = new ArrayList<>();
            for (JsonNode m : served) {
                models.add(m.path("model").asText() + " v" + m.path("version").asLong());
            }
            deployed.set((models.isEmpty() ? "none" : String.join(", ", models)) + (servedStale ? " (last seen)" : ""));
        } else if (lastDeployment != null && lastDeployment.deployedVersion() != null) {
            deployed.set(lastDeployment.model() + " v" + lastDeployment.deployedVersion() + " (last known)");
        } else {
            deployed.set("");
        }
        if (lastDeployment == null) {
            lastResult.set("");
        } else {
            DeploymentEntry d = lastDeployment;
            lastResult.set(d.status() + ": " + d.model() + " v" + d.manifestVersion() + " (" + rolloutWords(d.rollout()) + ")"
                    + (d.message() == null || d.message().isBlank() ? "" : " - " + d.message()));
        }
    }

    /** The node's part in its rollout: only the canary itself is called "canary". */
    static String rolloutWords(String stored) {
        return switch (stored) {
            case "all" -> "all at once";
            case PublishService.AFTER_CANARY -> "after the canary";
            default -> stored;
        };
    }

    static String formatUptime(double seconds) {
        long s = (long) seconds;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        if (s < 86400) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return (s / 86400) + " d " + (s % 86400 / 3600) + " h";
    }

    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty groupProperty() {
        return group.getReadOnlyProperty();
    }

    /** ok, unreachable, error or unknown. */
    public ReadOnlyStringProperty healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthMessageProperty() {
        return healthMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentVersionProperty() {
        return agentVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty manifestCountProperty() {
        return manifestCount.getReadOnlyProperty();
    }

    /** The version per model the node serves, e.g. "alexnet v3, vgg16 v1". */
    public ReadOnlyStringProperty deployedProperty() {
        return deployed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** The node's state in the running (or last) publication. */
    public ReadOnlyStringProperty publishStateProperty() {
        return publishState.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return name;
    }
}
