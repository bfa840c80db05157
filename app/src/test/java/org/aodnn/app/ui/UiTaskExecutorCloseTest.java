package org.aodnn.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Closing the window cancels the running tasks, then closes the database: a cancelled task must get to record
 * its end first (a profiling session stored as cancelled), or it is left "running" in the database forever.
 */
class UiTaskExecutorCloseTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // javafx.concurrent.Task reports on the FX thread
    }

    @Test
    void closingWaitsForCancelledTasksToRecordTheirEnd() throws Exception {
        UiTaskExecutor executor = new UiTaskExecutor();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean endRecorded = new AtomicBoolean();
        executor.execute(new BackgroundTask<Void>("long work") {
            @Override
            protected Void call() throws Exception {
                started.countDown();
                try {
                    while (true) {
                        checkCancelled();
                        Thread.sleep(20);
                    }
                } catch (CancelledException | InterruptedException e) {
                    Thread.interrupted(); // as a session does: its end is written whatever stopped it
                    Thread.sleep(300);    // the write of the session's end takes a moment
                    endRecorded.set(true);
                    throw new CancelledException("cancelled");
                }
            }
        }, TaskCallbacks.of(v -> { }, e -> { }));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        CountDownLatch cancelled = new CountDownLatch(1);
        Platform.runLater(() -> {
            java.util.List.copyOf(executor.runningTasks()).forEach(javafx.concurrent.Task::cancel); // as the window does when it closes
            cancelled.countDown();
        });
        assertTrue(cancelled.await(20, TimeUnit.SECONDS));
        executor.close();
        assertTrue(endRecorded.get(), "close returned before the cancelled task recorded its end");
    }
}
