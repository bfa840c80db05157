package org.aodnn.db.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * Runs tasks at once on the calling thread but queues what is meant for the UI thread, which the test thread
 * then runs in order: view model tests see callbacks from other threads (pollers, live refreshes) arrive on one
 * thread, as in the app, without a JavaFX thread.
 * <ul>
 * <li>{@link #outcomesQueued()}: the tasks' outcomes are queued too, after what the task posted while it ran
 * (the app's order).</li>
 * <li>{@link #outcomesAtOnce()}: outcomes are delivered on the calling thread as the task returns (as
 * {@link org.aodnn.db.task.CurrentThreadTaskExecutor}); only other threads' UI actions wait in the queue.</li>
 * </ul>
 */
public final class QueuedUiExecutor implements TaskExecutor {

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final boolean queueOutcomes;

    private QueuedUiExecutor(boolean queueOutcomes) {
        this.queueOutcomes = queueOutcomes;
    }

    public static QueuedUiExecutor outcomesQueued() {
        return new QueuedUiExecutor(true);
    }

    public static QueuedUiExecutor outcomesAtOnce() {
        return new QueuedUiExecutor(false);
    }

    @Override
    public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        try {
            T result = task.run(callbacks.progress());
            outcome(() -> callbacks.onSuccess().accept(result));
        } catch (CancelledException e) {
            outcome(callbacks.onCancelled());
        } catch (Exception e) {
            outcome(() -> callbacks.onFailure().accept(e));
        }
    }

    private void outcome(Runnable delivery) {
        if (queueOutcomes) {
            ui.add(delivery);
        } else {
            delivery.run();
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        ui.add(action);
    }

    /** Waits up to {@code seconds} for one queued UI action and runs it; false when none came. */
    public boolean runNext(long seconds) throws InterruptedException {
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
    public List<Runnable> takeAll() {
        List<Runnable> taken = new ArrayList<>();
        ui.drainTo(taken);
        return taken;
    }

    /** Runs whatever is queued, including what those actions queue. */
    public int drain() {
        int n = 0;
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }

    /** Runs queued UI actions until {@code condition} gives a value (30 s at most), and returns it. */
    public <T> T await(Supplier<Optional<T>> condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            runNext(1);
        }
        throw new AssertionError("condition not met within 30 s");
    }
}
