package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import org.aodnn.db.Store;
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

    private final QueuedUiExecutor executor = new QueuedUiExecutor();
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
            await(() -> p.runner().busy() ? Optional.empty() : Optional.of(true));

            assertTrue(status.statusIsErrorProperty().get());
            assertEquals("writing 'performance' to scaling_governor did not take effect", status.statusProperty().get());
            await(() -> "schedutil".equals(p.policies().governorProperty().get()) ? Optional.of(true) : Optional.empty());
            assertEquals("schedutil", p.policies().policies().get(0).governor(), "the phone was read again");
            assertTrue(status.statusIsErrorProperty().get(), "the failure stays said");
            phones.deactivate();
            executor.drain();
        }
    }

    @Test
    void aCancelledActionFreesTheControlsAndReadsThePhoneAgain() throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(dir.resolve("phone"), true);
             Store store = Store.open(dir.resolve("lab"))) {
            PhonesViewModel phones = new PhonesViewModel(bed.server.address(), executor);
            Parts p = loadedPhone(bed, store, phones);

            // as when the operator cancels the task in the task area: the task ends by CancelledException
            p.runner().run("Setting policy0 of " + bed.serial, bed.serial, d -> {
                throw new org.aodnn.db.task.CancelledException("Setting policy0 was cancelled");
            });
            await(() -> p.runner().busy() ? Optional.empty() : Optional.of(true));
            assertEquals("Setting policy0 of " + bed.serial + ": cancelled", status.statusProperty().get());
            assertFalse(status.statusIsErrorProperty().get());
            await(() -> p.policies().policies().isEmpty() ? Optional.empty() : Optional.of(true));
            assertEquals("schedutil", p.policies().policies().get(0).governor(), "the phone was read again");
            phones.deactivate();
            executor.drain();
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
            assertTrue(executor.runNext(0));
            assertTrue(p.runner().busy(), "one action is still running");
            assertTrue(executor.runNext(0));
            assertFalse(p.runner().busy());
            assertEquals(0, executor.drain(), "a failed first read is not read again");

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
