package org.aodnn.edgeconnector.ui;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.NodeStatus;

/**
 * The live health of the registered nodes, split out of {@link EdgeViewModel}: the periodic poller's handle
 * and the latest answer per node. The answers are kept apart from the table rows because a round may answer
 * before the registry reload that creates a node's row; the reload then takes the answer from here.
 * UI thread only.
 */
final class NodeHealth {

    private final EdgeConsole console;
    private final TaskExecutor executor;
    private final ObservableList<NodeRow> nodes;
    private final StatusLine status;

    private final Map<String, NodeStatus> latest = new HashMap<>();
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(false);
    private AutoCloseable pollingHandle;

    NodeHealth(EdgeConsole console, TaskExecutor executor, ObservableList<NodeRow> nodes, StatusLine status) {
        this.console = console;
        this.executor = executor;
        this.nodes = nodes;
        this.status = status;
    }

    /** Starts periodic rounds unless they already run; answers and failures are applied on the UI thread. */
    void startPolling(Duration interval) {
        if (pollingHandle == null) {
            pollingHandle = console.startPolling(interval,
                    round -> executor.runOnUiThread(() -> apply(round)),
                    error -> executor.runOnUiThread(() -> status.fail("Health check failed", error)));
            polling.set(true);
        }
    }

    /**
     * Marks polling stopped and hands back the poller (null when none ran) for the caller to close off the UI
     * thread, since closing may wait for a round in flight to end.
     */
    AutoCloseable stopPolling() {
        AutoCloseable handle = pollingHandle;
        pollingHandle = null;
        polling.set(false);
        return handle;
    }

    /** Records one round's answers and shows them in the rows of the nodes they concern. */
    void apply(List<NodeStatus> round) {
        Map<String, NodeRow> byName = nodes.stream().collect(Collectors.toMap(NodeRow::name, Function.identity()));
        for (NodeStatus s : round) {
            latest.put(s.node().name(), s);
            NodeRow row = byName.get(s.node().name());
            if (row != null) {
                row.applyHealth(s);
            }
        }
    }

    /** The latest answer of {@code node}, or null when no round has reached it yet. */
    NodeStatus latest(String node) {
        return latest.get(node);
    }

    /** Forgets the answers of nodes no longer registered. */
    void retain(Collection<String> registered) {
        latest.keySet().retainAll(registered);
    }

    /** Whether health polling runs (between activate and deactivate). */
    ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }
}
