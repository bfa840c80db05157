package org.aodnn.edgeconnector.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.DeployedDiff;
import org.aodnn.edgeconnector.publish.EdgeConsole;

/**
 * The diff pane of the Edge workspace: what one node serves against the manifest about to go out. Kept apart
 * from {@link EdgeViewModel} because it has its own request ordering (answers come back from the network in
 * any order) and its own title and lines. UI thread only.
 */
final class ManifestDiff {

    static final String NOTHING_SELECTED = "Select a node and a manifest to compare.";

    private final TaskExecutor executor;
    private final EdgeConsole console;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(NOTHING_SELECTED);
    /** Counts diff requests so that an older answer arriving late does not replace a newer one. */
    private long request;

    ManifestDiff(TaskExecutor executor, EdgeConsole console) {
        this.executor = executor;
        this.console = console;
    }

    /** Asks {@code node} what it serves and compares it with {@code row}; clears the pane when either is missing. */
    void compare(NodeRow node, ManifestRow row) {
        long current = ++request;
        if (node == null || row == null || row.manifest() == null) {
            title.set(NOTHING_SELECTED);
            lines.clear();
            return;
        }
        title.set("Comparing " + node.name() + " with " + row.label() + "...");
        SignedManifest next = row.manifest();
        executor.execute(BackgroundTask.of("Comparing " + node.name() + " with " + row.label(),
                () -> console.diff(node.name(), next)), TaskCallbacks.<DeployedDiff.Result>of(result -> {
                    if (current == request) {
                        title.set(node.name() + ": deployed " + (result.deployedVersion() == null ? "none"
                                : "v" + result.deployedVersion()) + " -> " + row.label());
                        lines.setAll(DiffLines.of(result, next));
                    }
                }, e -> {
                    if (current == request) {
                        title.set(node.name() + ": cannot compare with " + row.label());
                        lines.setAll("Cannot ask " + node.name() + " what it serves: " + StatusLine.message(e));
                    }
                }));
    }

    ObservableList<String> lines() {
        return lines;
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
