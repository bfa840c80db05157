package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import org.aodnn.db.Store;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.db.testing.QueuedUiExecutor;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.control.ControlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controls' actions with the real adb server and the virtual phone: an answer about a phone the operator no
 * longer has chosen reaches the phone list but not the controls; a failed first read says the phone cannot be
 * read; a failure after it reads the phone again so the controls show what it has now; the controls stay busy
 * until every action ended; without an adb server nothing runs.
 */
class PhoneActionRunnerTest {

    private static final String NOT_CONNECTED = "127.0.0.1:9";

    @TempDir
    Path dir;

    private final QueuedUiExecutor executor = QueuedUiExecutor.outcomesQueued();
    private final PhoneControlStatus status = new PhoneControlStatus();

    /** The parts the runner delivers to, on the live list of {@code phones}. */
    private record Parts(ChosenPhone phone, CpuPolicyEditor policies, PhoneActionRunner runner) {
    }

    private Parts parts(AdbServerAddress adb, PhonesViewModel phones) {
        ChosenPhone phone = new ChosenPhone(phones.devices(), new SimpleStringProperty());
        CpuPolicyEditor policies = new CpuPolicyEditor(phones.states(), phone.serialProperty());
        return new Parts(phone, policies, new PhoneActionRunner(executor, adb, phones, phone, policies, status));
    }

    @Test
    void anAnswerAboutAPhoneNoLongerChosenOnlyReachesThePhoneList() throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            PhonesViewModel phones = new PhonesViewModel(bed.server.address(), executor);
            Parts p = parts(bed.server.address(), phones);
            PhoneChanges changes = new PhoneChanges(store);
            phones.activate();
            int before = await(() -> Optional.ofNullable(phones.states().get(bed.serial))).brightness();
            assertEquals(102, before, "the virtual phone's own brightness");

            p.phone().serialProperty().set(bed.serial);
            p.runner().run("Keeping the screen on", bed.serial, d -> changes.keepScreenOn(d, bed.serial, 201));
            assertTrue(p.runner().busy());
            p.phone().serialProperty().set(null); // the operator moved on before the answer came
            executor.takeAll().forEach(Runnable::run);

            assertFalse(p.runner().busy());
            assertEquals(201, phones.states().get(bed.serial).brightness(), "the phone list shows the change at once");
            assertFalse(p.phone().loaded(), "nothing of it reaches the controls");
            assertTrue(p.policies().policies().isEmpty());
            assertEquals("", status.statusProperty().get());
            phones.deactivate();
            executor.drain();
        }
    }

    @Test
    void aFailureAfterTheFirstReadShowsWhatThePhoneHasNow() throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            PhonesViewModel phones = new PhonesViewModel(bed.server.address(), executor);
            Parts p = loadedPhone(bed, store, phones);
            assertEquals("", status.statusProperty().get(), "a first read says nothing");
            assertEquals("schedutil", p.policies().governorProperty().get());
            p.policies().governorProperty().set("performance"); // chosen, and the change is going to fail

            p.runner().run("Setting policy0 of " + bed.serial, bed.serial, d -> {
                throw new ControlException("writing 'performance' to scaling_governor did not take effect");
            });
            assertEquals("Setting policy0 of " + bed.serial + " …", status.statusProperty().get(),
                    "a loaded phone's action is announced");
            // the worker lets go of the phone first, then its failure is delivered
            await(() -> status.statusIsErrorProperty().get() ? Optional.of(true) : Optional.empty());
            assertFalse(p.runner().busy());
            assertEquals("writing 'performance' to scaling_governor did not take effect", status.statusProperty().get());
            await(() -> "schedutil".equals(p.policies().governorProperty().get()) ? Optional.of(true) : Optional.empty());
            assertEquals("schedutil", p.policies().policies().get(0).governor(), "the phone was read again");
            assertTrue(status.statusIsErrorProperty().get(), "the failure stays said");
            phones.deactivate();
            executor.drain();
        }
    }

    @Test
    void aCancelledChangeKeepsTheControlsBusyUntilThePhoneAnswersThenReadsItAgain() throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            FxLikeExecutor fx = new FxLikeExecutor();
            PhonesViewModel phones = new PhonesViewModel(bed.server.address(), fx);
            ChosenPhone phone = new ChosenPhone(phones.devices(), new SimpleStringProperty());
            CpuPolicyEditor policies = new CpuPolicyEditor(phones.states(), phone.serialProperty());
            PhoneActionRunner runner = new PhoneActionRunner(fx, bed.server.address(), phones, phone, policies, status);
            PhoneChanges changes = new PhoneChanges(store);
            phone.serialProperty().set(bed.serial);
            runner.run("Reading the state of " + bed.serial, bed.serial, d -> changes.readState(d, ""));
            fx.await(() -> phone.loaded() && !runner.busy() ? Optional.of(true) : Optional.empty());

            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch answer = new CountDownLatch(1);
            runner.run("Setting policy0 of " + bed.serial, bed.serial, d -> {
                writing.countDown();
                try {
                    answer.await(); // the phone takes its time; the cancel does not reach a blocked adb read
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return changes.readState(d, "");
            });
            assertTrue(writing.await(30, TimeUnit.SECONDS));
            fx.cancelLast(); // the task area's Cancel: the cancel is delivered at once, the worker goes on
            fx.drainUi();
            assertTrue(runner.busy(), "the phone is still being written: no second change may start");
            assertEquals("Setting policy0 of " + bed.serial + ": cancelling, waiting for the phone to answer",
                    status.statusProperty().get());

            answer.countDown();
            fx.await(() -> runner.busy() ? Optional.empty() : Optional.of(true));
            assertEquals("Setting policy0 of " + bed.serial + ": cancelled", status.statusProperty().get());
            fx.await(() -> policies.policies().isEmpty() ? Optional.empty() : Optional.of(true));
            assertEquals("schedutil", policies.policies().get(0).governor(), "the phone was read again");
        }
    }

    @Test
    void aReadCancelledBeforeItRanEndsAtOnceAndSaysTheStateWasNotRead() throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            FxLikeExecutor fx = new FxLikeExecutor();
            fx.hold = true;
            PhonesViewModel phones = new PhonesViewModel(bed.server.address(), fx);
            ChosenPhone phone = new ChosenPhone(phones.devices(), new SimpleStringProperty());
            CpuPolicyEditor policies = new CpuPolicyEditor(phones.states(), phone.serialProperty());
            PhoneActionRunner runner = new PhoneActionRunner(fx, bed.server.address(), phones, phone, policies, status);
            phone.serialProperty().set(bed.serial);
            runner.run("Reading the state of " + bed.serial, bed.serial, d -> new PhoneChanges(store).readState(d, ""));
            assertTrue(runner.busy());
            fx.cancelLast();
            fx.drainUi();
            assertFalse(runner.busy(), "nothing ran, so nothing holds the phone");
            assertEquals(bed.serial + ": its state was not read (cancelled); Reload reads it", phone.deviceProperty().get());
            fx.startHeld(); // the worker comes round to it after all: the cancelled task does not run
            fx.await(() -> fx.idle() ? Optional.of(true) : Optional.empty());
            fx.drainUi();
            assertFalse(runner.busy());
            assertFalse(phone.loaded());
        }
    }

    /**
     * Runs tasks on threads of their own and delivers to a queue the test thread empties, like the app's JavaFX
     * executor: a cancel is delivered at once and the worker's late result is then dropped. With {@code hold},
     * tasks wait for {@link #startHeld()}.
     */
    private static final class FxLikeExecutor implements TaskExecutor {
        private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        private final List<Runnable> held = new ArrayList<>();
        private final AtomicInteger running = new AtomicInteger();
        private BackgroundTask<?> lastTask;
        private Runnable lastCancel;
        boolean hold;

        @Override
        public <T> void execute(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
            AtomicBoolean cancelDelivered = new AtomicBoolean();
            lastTask = task;
            lastCancel = () -> {
                if (cancelDelivered.compareAndSet(false, true)) {
                    ui.add(callbacks.onCancelled());
                }
            };
            Runnable work = () -> {
                try {
                    T result = task.run(callbacks.progress());
                    if (!cancelDelivered.get()) {
                        ui.add(() -> callbacks.onSuccess().accept(result));
                    }
                } catch (CancelledException e) {
                    if (cancelDelivered.compareAndSet(false, true)) {
                        ui.add(callbacks.onCancelled());
                    }
                } catch (Exception e) {
                    if (!cancelDelivered.get()) {
                        ui.add(() -> callbacks.onFailure().accept(e));
                    }
                } finally {
                    running.decrementAndGet();
                }
            };
            running.incrementAndGet();
            if (hold) {
                held.add(work);
            } else {
                new Thread(work, "test-worker").start();
            }
        }

        @Override
        public void runOnUiThread(Runnable action) {
            ui.add(action);
        }

        void cancelLast() {
            lastTask.cancel();
            lastCancel.run();
        }

        void startHeld() {
            held.forEach(w -> new Thread(w, "test-worker").start());
            held.clear();
        }

        boolean idle() {
            return running.get() == 0;
        }

        void drainUi() {
            Runnable r;
            while ((r = ui.poll()) != null) {
                r.run();
            }
        }

        <T> T await(Supplier<Optional<T>> condition) throws InterruptedException {
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end) {
                Optional<T> value = condition.get();
                if (value.isPresent()) {
                    return value.get();
                }
                Runnable next = ui.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                }
            }
            throw new AssertionError("condition not met within 30 s");
        }
    }

    @Test
    void aFailedFirstReadSaysThePhoneCannotBeReadAndBusyLastsUntilTheLastAction() throws Exception {
        try (AdbTestBed bed = AdbTestBed.serverOnly()) {
            PhonesViewModel phones = new PhonesViewModel(bed.server.address(), executor); // not watching: no list
            Parts p = parts(bed.server.address(), phones);
            p.phone().serialProperty().set(NOT_CONNECTED);

            p.runner().run("Reading the state of " + NOT_CONNECTED, NOT_CONNECTED, d -> fail("no such phone to open"));
            p.runner().run("Reading the state of " + NOT_CONNECTED, NOT_CONNECTED, d -> fail("no such phone to open"));
            assertEquals("", status.statusProperty().get(), "an unread phone's actions are not announced");
            assertTrue(executor.runNext(0)); // the first action let go of the phone
            assertTrue(p.runner().busy(), "one action is still running");
            assertTrue(executor.runNext(0)); // its failure
            assertTrue(executor.runNext(0)); // the second action let go of the phone
            assertFalse(p.runner().busy());
            assertEquals(1, executor.drain(), "the second failure; a failed first read is not read again");

            assertTrue(status.statusIsErrorProperty().get());
            assertTrue(status.statusProperty().get().startsWith("no device " + NOT_CONNECTED + " at adb server "),
                    status.statusProperty().get());
            assertEquals(NOT_CONNECTED + ": its state cannot be read (the reason is below)",
                    p.phone().deviceProperty().get());
            assertFalse(p.phone().loaded());
        }
    }

    @Test
    void withoutAnAdbServerNothingRuns() {
        PhonesViewModel phones = new PhonesViewModel(null, executor);
        Parts p = parts(null, phones);
        p.phone().serialProperty().set(NOT_CONNECTED);

        p.runner().run("Reading the state of " + NOT_CONNECTED, NOT_CONNECTED, d -> fail("nothing may run"));

        assertFalse(p.runner().busy());
        assertEquals(0, executor.drain());
        assertTrue(status.statusIsErrorProperty().get());
        assertEquals("Phones cannot be controlled: no adb server is configured", status.statusProperty().get());
    }

    /** The parts with the virtual phone chosen and its state read once, as after the operator picked it. */
    private Parts loadedPhone(AdbTestBed bed, Store store, PhonesViewModel phones) throws InterruptedException {
        Parts p = parts(bed.server.address(), phones);
        PhoneChanges changes = new PhoneChanges(store);
        phones.activate();
        await(() -> phones.devices().stream().filter(d -> d.serial().equals(bed.serial) && d.usable()).findFirst());
        p.phone().serialProperty().set(bed.serial);
        p.runner().run("Reading the state of " + bed.serial, bed.serial, d -> changes.readState(d, ""));
        await(() -> p.phone().loaded() && !p.runner().busy() ? Optional.of(true) : Optional.empty());
        return p;
    }

    private <T> T await(Supplier<Optional<T>> condition) throws InterruptedException {
        return executor.await(condition);
    }
}
