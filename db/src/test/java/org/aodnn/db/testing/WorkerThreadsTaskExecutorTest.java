package org.aodnn.db.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerThreadsTaskExecutorTest {

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final WorkerThreadsTaskExecutor executor = new WorkerThreadsTaskExecutor("test-worker", ui,
            () -> Thread.currentThread().getName().equals("test-ui"));

    @AfterEach
    void stop() {
        executor.close();
        ui.shutdownNow();
    }

    @Test
    void workRunsOnAWorkerAndItsOutcomeOnTheUiThreadAndIdleWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.of("work", () -> {
            threads.add(Thread.currentThread().getName());
            release.await();
            return 42;
        }), TaskCallbacks.<Integer>of(v -> {
            threads.add(Thread.currentThread().getName() + ":" + v);
            delivered.countDown();
        }, e -> { }));
        assertFalse(executor.idle(), "a started task counts before it runs");
        release.countDown();
        assertTrue(delivered.await(10, TimeUnit.SECONDS));
        ui.submit(() -> { }).get(10, TimeUnit.SECONDS); // the delivery's finally has run
        assertTrue(executor.idle());
        assertEquals(List.of("test-worker", "test-ui:42"), threads);
    }

    @Test
    void cancelAndFailureAreDeliveredToo() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.of("cancelled", () -> {
            throw new CancelledException("stopped");
        }), TaskCallbacks.<Object>of(v -> { }, e -> { }).withCancelled(() -> {
            seen.add("cancelled");
            both.countDown();
        }));
        executor.execute(BackgroundTask.of("failing", () -> {
            throw new IllegalStateException("broken");
        }), TaskCallbacks.<Object>of(v -> { }, e -> {
            seen.add(e.getMessage());
            both.countDown();
        }));
        assertTrue(both.await(10, TimeUnit.SECONDS));
        ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertTrue(executor.idle());
        assertEquals(2, seen.size());
        assertTrue(seen.containsAll(List.of("cancelled", "broken")), seen.toString());
    }
}
