package org.aodnn.edgeconnector.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ObservableList;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.NodeState;
import org.aodnn.edgeconnector.publish.PublishReport;
import org.aodnn.edgeconnector.publish.PublishService;
import org.aodnn.edgeconnector.publish.PublishTask;
import org.aodnn.edgeconnector.publish.Rollout;
import org.aodnn.edgeconnector.publish.RolloutRefusedException;

/**
 * The publication in flight, split out of {@link EdgeViewModel}: the running task (so that it can be
 * cancelled), its progress, and each node's live state written into the node table as the nodes report.
 * The view model validates what to publish and where; this class only runs it. UI thread only.
 */
final class PublishRun {

    private final TaskExecutor executor;
    private final EdgeConsole console;
    private final ObservableList<NodeRow> nodes;
    private final StatusLine status;
    /** What the workspace reloads once a publication ends, whatever the outcome (nodes changed or rolled back). */
    private final Runnable afterwards;

    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private PublishTask running;

    PublishRun(TaskExecutor executor, EdgeConsole console, ObservableList<NodeRow> nodes, StatusLine status,
               Runnable afterwards) {
        this.executor = executor;
        this.console = console;
        this.nodes = nodes;
        this.status = status;
        this.afterwards = afterwards;
    }

    /** Publishes {@code row}'s manifest (readable, checked by the caller) to {@code selection}. */
    void start(ManifestRow row, PublishService.NodeSelection selection, Rollout rollout, boolean skipUnreachable) {
        PublishTask task;
        try {
            task = console.publishTask(row.manifest(), selection, rollout, skipUnreachable,
                    (node, state, message) -> executor.runOnUiThread(() -> nodeChanged(node, state, message)));
        } catch (IllegalArgumentException e) {
            status.error("Cannot publish " + row.label() + ": " + e.getMessage());
            return;
        }
        nodes.forEach(n -> n.setPublishState(""));
        running = task;
        publishing.set(true);
        progress.set(0);
        status.info("Publishing " + row.label() + " (" + rollout.label() + ")...");
        executor.execute(task, TaskCallbacks.<PublishReport>of(report -> {
            done();
            if (report.success()) {
                status.info("Published " + row.label() + ": " + report.message() + " (" + report.elapsedMs() + " ms)");
            } else {
                status.error("Publishing " + row.label() + " failed: " + report.message());
            }
        }, e -> {
            done();
            RolloutRefusedException refused = refusal(e);
            if (refused != null) {
                status.error("Publishing " + row.label() + ": " + refused.getMessage() + (refused.onlyUnreachable()
                        ? ". Start them, or tick '" + SKIP_UNREACHABLE + "' to publish to the others." : "."));
            } else {
                status.fail("Publishing " + row.label() + " failed", e);
            }
        }).withCancelled(() -> {
            done();
            status.error("Publishing " + row.label() + " was cancelled; nodes already updated were rolled back.");
        }).withProgress(new ProgressListener() {
            @Override
            public void progress(double done, double total) {
                executor.runOnUiThread(() -> progress.set(total > 0 ? done / total : -1));
            }

            @Override
            public void message(String message) {
                // the task area shows the per-node messages; the table shows each node's state
            }
        }));
    }

    /** The check box that lets a rollout leave unreachable nodes out (named in the refusal message). */
    static final String SKIP_UNREACHABLE = "Skip unreachable nodes";

    private static RolloutRefusedException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RolloutRefusedException r) {
                return r;
            }
        }
        return null;
    }

    /** Stops the running publication: no further node is started, updated ones are rolled back. */
    void cancel() {
        PublishTask task = running;
        if (task != null) {
            task.cancel();
            status.info("Cancelling the publication...");
        }
    }

    private void nodeChanged(String node, NodeState state, String message) {
        String text = message == null || message.isBlank() ? state.label()
                : message.startsWith(state.label()) ? message : state.label() + ": " + message;
        nodes.stream().filter(n -> n.name().equals(node)).findFirst().ifPresent(n -> n.setPublishState(text));
    }

    private void done() {
        running = null;
        publishing.set(false);
        progress.set(1);
        afterwards.run();
    }

    ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }

    /** 0..1 while publishing (nodes finished out of nodes); -1 when the total is not known. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
