package org.aodnn.profilinglab.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.aodnn.db.task.BackgroundTask;
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
        executor.execute(BackgroundTask.of(title, () -> {
            try (AdbDevice d = AdbDevice.open(new AdbServerClient(adb), serial)) {
                return action.apply(d);
            }
        }), TaskCallbacks.<Outcome>of(outcome -> {
            taskEnded();
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
            taskEnded();
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
            // cancelled from the task area: the controls must not stay busy, and a change stopped halfway
            // may have written part of it, so show what the phone has now
            taskEnded();
            if (phone.isChosen(serial)) {
                status.info(title + ": cancelled");
                if (phone.loaded()) {
                    refreshAfterFailure(serial);
                }
            }
        }));
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
