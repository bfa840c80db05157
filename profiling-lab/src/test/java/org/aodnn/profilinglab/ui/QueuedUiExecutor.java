package org.aodnn.profilinglab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * Runs tasks at once on the calling thread but queues everything meant for the UI thread — the "UI thread"
 * actions of other threads and the tasks' outcomes — which the test thread then runs in order. That is the
 * app's order (what a task posted while it ran comes before its outcome), without a JavaFX thread.
 */
final class QueuedUiExecutor implements TaskExecutor {

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @Override
    public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        try {
            T result = task.run(callbacks.progress());
            ui.add(() -> callbacks.onSuccess().accept(result));
        } catch (CancelledException e) {
            ui.add(callbacks.onCancelled());
        } catch (Exception e) {
            ui.add(() -> callbacks.onFailure().accept(e));
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        ui.add(action);
    }

    /** Waits up to {@code seconds} for one queued UI action and runs it; false when none came. */
    boolean runNext(long seconds) throws InterruptedException {
        Runnable next = ui.poll(seconds, TimeUnit.SECONDS);
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /**
     * Removes everything queued and hands it over unrun, for a test that delivers in another order: worker
     * threads may finish their tasks in any order, this queue alone would always deliver in the order started.
     */
    List<Runnable> takeAll() {
        List<Runnable> taken = new ArrayList<>();
        ui.drainTo(taken);
        return taken;
    }

    /** Runs whatever is queued, including what those actions queue. */
    int drain() {
        int n = 0;
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }

    /** Runs queued UI actions until {@code condition} gives a value (30 s at most), and returns it. */
    <T> T await(java.util.function.Supplier<java.util.Optional<T>> condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            java.util.Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            runNext(1);
        }
        throw new AssertionError("condition not met within 30 s");
    }
}
