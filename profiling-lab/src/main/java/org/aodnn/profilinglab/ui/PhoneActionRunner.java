package org.aodnn.profilinglab.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;

/**
 * Runs the controls' actions as background tasks, each on its own connection to the phone through the adb server
 * (like {@code aodnn device ...} does), and delivers what came of them on the UI thread. The state an action read
 * goes to the phone list at once, whichever phone is chosen; it reaches the {@link ChosenPhone}, the
 * {@link CpuPolicyEditor} and the {@link PhoneControlStatus} only while its phone is still the chosen one (the
 * operator may have chosen another meanwhile). The controls are busy while any action runs.
 */
final class PhoneActionRunner {

    /** What an action says, and the state read after it; {@code refused}: said as an error, nothing was changed. */
    record Outcome(String message, DeviceState state, boolean refused) {
        Outcome(String message, DeviceState state) {
            this(message, state, false);
        }
    }

    private final TaskExecutor executor;
    private final AdbServerAddress adb;
    private final PhonesViewModel phones;
    private final ChosenPhone phone;
    private final CpuPolicyEditor policies;
    private final PhoneControlStatus status;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int tasksRunning;

    /** {@code adb} null: no adb server is configured, and every action says so instead of running. */
    PhoneActionRunner(TaskExecutor executor, AdbServerAddress adb, PhonesViewModel phones, ChosenPhone phone,
                      CpuPolicyEditor policies, PhoneControlStatus status) {
        this.executor = executor;
        this.adb = adb;
        this.phones = phones;
        this.phone = phone;
        this.policies = policies;
        this.status = status;
    }

    /** Runs one action on phone {@code serial}; {@code title} names it in the task area and, once loaded, the status. */
    void run(String title, String serial, Function<AdbDevice, Outcome> action) {
        if (adb == null) {
            status.error("Phones cannot be controlled: no adb server is configured");
            return;
        }
        tasksRunning++;
        busy.set(true);
        if (phone.loaded()) {
            status.info(title + " …");
        }
        // The controls stay busy until the worker has let go of the phone, not until an outcome is delivered: a
        // cancel is delivered at once while the worker may still be writing (adb reads do not heed it), and a
        // second change must not run beside it. Whoever claims 'started' first owns the end: the worker when
        // it runs, or the cancel when the task never got to run.
        AtomicBoolean started = new AtomicBoolean();
        BackgroundTask<Outcome>[] self = newTaskHolder();
        self[0] = BackgroundTask.of(title, () -> {
            if (!started.compareAndSet(false, true)) {
                throw new CancelledException(title + " was cancelled before it ran");
            }
            try (AdbDevice d = AdbDevice.open(new AdbServerClient(adb), serial)) {
                return action.apply(d);
            } finally {
                executor.runOnUiThread(() -> workerEnded(title, serial, self[0].isCancelled()));
            }
        });
        executor.execute(self[0], TaskCallbacks.<Outcome>of(outcome -> {
            phones.showState(outcome.state());
            if (!phone.isChosen(serial)) {
                return; // the operator chose another phone meanwhile
            }
            phone.read(outcome.state());
            policies.show(outcome.state(), true);
            if (outcome.refused()) {
                status.error(outcome.message());
            } else if (!outcome.message().isEmpty()) {
                status.info(outcome.message());
            }
        }, failure -> {
            if (!phone.isChosen(serial)) {
                return;
            }
            status.error(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            if (!phone.loaded()) {
                phone.unreadable(serial);
            } else {
                refreshAfterFailure(serial);
            }
        }).withCancelled(() -> {
            if (started.compareAndSet(false, true)) {
                workerEnded(title, serial, true); // it never ran: nothing was written
            } else if (phone.isChosen(serial)) {
                status.info(title + ": cancelling, waiting for the phone to answer");
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static BackgroundTask<Outcome>[] newTaskHolder() {
        return (BackgroundTask<Outcome>[]) new BackgroundTask<?>[1];
    }

    /** The action has let go of the phone. A cancelled change may have written part of it: show the phone now. */
    private void workerEnded(String title, String serial, boolean cancelled) {
        taskEnded();
        if (!cancelled || !phone.isChosen(serial)) {
            return;
        }
        status.info(title + ": cancelled");
        if (phone.loaded()) {
            refreshAfterFailure(serial);
        } else {
            phone.notRead(serial);
        }
    }

    private void taskEnded() {
        tasksRunning--;
        busy.set(tasksRunning > 0);
    }

    /** A refused or failed change may still have written part of it: show what the phone has now. */
    private void refreshAfterFailure(String serial) {
        executor.execute(BackgroundTask.of("Reading the state of " + serial, () -> {
            try (AdbDevice d = AdbDevice.open(new AdbServerClient(adb), serial)) {
                return DeviceStateReader.read(d);
            }
        }), TaskCallbacks.<DeviceState>of(state -> {
            phones.showState(state);
            if (phone.isChosen(serial)) {
                policies.show(state, true);
            }
        }, ignored -> {
            // the failure already shown says what went wrong
        }));
    }

    /** True while an action runs (its outcome not yet delivered). */
    boolean busy() {
        return busy.get();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
