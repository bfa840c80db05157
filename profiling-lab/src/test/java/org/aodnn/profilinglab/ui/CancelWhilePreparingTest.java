package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.aodnn.db.Store;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel pressed while the choice is still being checked ("Preparing profiling", before any browser starts):
 * the session must not start afterwards, whether the check had not begun or ran to its end meanwhile.
 */
class CancelWhilePreparingTest {

    /**
     * Holds every task until the test lets it run, and then holds its outcome until the test lets it be
     * delivered, so a click can come before the task runs or between its end and its delivery.
     */
    private static final class HeldExecutor implements TaskExecutor {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
            held.add(() -> {
                Runnable delivery;
                try {
                    T result = task.run(callbacks.progress());
                    delivery = () -> callbacks.onSuccess().accept(result);
                } catch (CancelledException e) {
                    delivery = callbacks.onCancelled();
                } catch (Exception e) {
                    delivery = () -> callbacks.onFailure().accept(e);
                }
                held.addFirst(delivery);
            });
        }

        @Override
        public void runOnUiThread(Runnable action) {
            action.run();
        }

        /** Runs the held tasks, and what they hold in turn, until none is left. */
        void runAll() {
            Runnable next;
            while ((next = held.poll()) != null) {
                next.run();
            }
        }

        /** Runs only the first held step (a task, or a finished task's delivery). */
        void runOne() {
            held.remove().run();
        }
    }

    @TempDir
    Path dir;
    private Store store;
    private HeldExecutor executor;
    private ProfilingLabViewModel viewModel;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("lab"));
        executor = new HeldExecutor();
        viewModel = new ProfilingLabViewModel(store, executor, null, null);
        viewModel.activate();
        executor.runAll(); // the catalog and stored lists
        viewModel.selectedModels().setAll("mobilenet_v2");
        viewModel.layerRangeProperty().set("0-2");
        viewModel.cpuProperty().set(true);
        assertTrue(viewModel.canStartProperty().get());
    }

    @AfterEach
    void close() {
        viewModel.deactivate();
        store.close();
    }

    @Test
    void cancelBeforeTheCheckRunsStartsNothing() {
        viewModel.start();
        assertTrue(viewModel.runningProperty().get(), "Cancel is offered while the choice is checked");
        assertEquals("preparing", viewModel.progressTextProperty().get());
        viewModel.cancel();
        executor.runAll();
        assertNothingStarted();
    }

    @Test
    void cancelAfterTheCheckEndedButBeforeItsResultArrivedStartsNothing() {
        viewModel.start();
        executor.runOne(); // the check runs to its end; its result waits for the UI thread
        assertTrue(viewModel.runningProperty().get());
        viewModel.cancel();
        executor.runAll();
        assertNothingStarted();
    }

    private void assertNothingStarted() {
        assertFalse(viewModel.runningProperty().get());
        assertEquals("Profiling was cancelled before the session started", viewModel.messageProperty().get());
        assertEquals("", viewModel.progressTextProperty().get(), "no 'cancelling' left behind");
        assertTrue(viewModel.sessions().isEmpty(), "no session stored");
        assertTrue(store.measurements().profiles().stream().noneMatch(p -> p.platform().equals("local-chromium")));
        assertTrue(viewModel.canStartProperty().get(), "it can be started again");
    }
}
