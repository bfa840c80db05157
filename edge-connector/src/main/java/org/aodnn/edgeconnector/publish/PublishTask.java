package org.aodnn.edgeconnector.publish;

import java.util.concurrent.atomic.AtomicInteger;
import org.aodnn.db.task.BackgroundTask;

/**
 * A publication as a background task for the Edge workspace: overall progress (nodes finished out of
 * nodes), a message per node event, per-node states through the {@link PublishListener}, and cancel (no
 * further node is started; nodes already updated are rolled back).
 */
public final class PublishTask extends BackgroundTask<PublishReport> {

    private final PublishService service;
    private final PublishService.Request request;
    private final PublishListener nodeListener;

    public PublishTask(PublishService service, PublishService.Request request, PublishListener nodeListener) {
        super("Publish " + request.manifest().model() + " v" + request.manifest().version());
        this.service = service;
        this.request = request;
        this.nodeListener = nodeListener == null ? PublishListener.NONE : nodeListener;
    }

    @Override
    protected PublishReport call() throws Exception {
        PublishService.ResolvedNodes nodes = service.resolveNodes(request.selection());
        int total = nodes.size();
        AtomicInteger finished = new AtomicInteger();
        updateProgress(0, total);
        PublishListener listener = (node, state, message) -> {
            if (state.terminal() && state != NodeState.ROLLED_BACK && state != NodeState.ROLLBACK_FAILED) {
                updateProgress(finished.incrementAndGet(), total);
            }
            updateMessage(node + ": " + state.label() + (message == null ? "" : " - " + message));
            nodeListener.nodeChanged(node, state, message);
        };
        PublishReport report = service.publish(request, nodes, listener, this::isCancelled);
        updateProgress(total, total);
        updateMessage(report.message());
        if (isCancelled()) {
            checkCancelled();
        }
        return report;
    }
}
