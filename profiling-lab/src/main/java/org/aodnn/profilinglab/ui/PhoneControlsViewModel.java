package org.aodnn.profilinglab.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;

/**
 * The controls of the phone selected in the Phones tab, without controls: its cpufreq policies, the governor
 * and limits to set on one of them, the screen brightness to keep, and the actions (set frequency, keep the
 * screen on, pause charging, reset the device). Each action is one background task that opens the phone
 * through the adb server like {@code aodnn device ...} does, changes it with {@link DeviceControl} (which
 * records every original in {@code device_restore} before writing and reads every value back), then reads
 * the phone's state again; the read-back or the refusal becomes the status line and the fresh state goes to
 * the phone list at once.
 */
public final class PhoneControlsViewModel {

    /** Owner of the restore records of changes made here; like {@code cli}, they last until "Reset device". */
    static final String OWNER = "console";
    private static final int NO_POLICY = -1;

    private final Store store;
    private final TaskExecutor executor;
    private final AdbServerAddress adb;
    private final PhonesViewModel phones;

    private final StringProperty selectedSerial = new SimpleStringProperty();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("Select a phone to control it");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper rooted = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<CpuPolicy> policies = FXCollections.observableArrayList();
    private final IntegerProperty selectedPolicyId = new SimpleIntegerProperty(NO_POLICY);
    private final ObservableList<String> governorChoices = FXCollections.observableArrayList();
    private final ObservableList<Long> frequencyChoices = FXCollections.observableArrayList();
    private final StringProperty governor = new SimpleStringProperty();
    private final ObjectProperty<Long> minKhz = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> maxKhz = new SimpleObjectProperty<>();
    private final IntegerProperty brightness = new SimpleIntegerProperty(128);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int tasksRunning;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding profiled;
    private final BooleanBinding canControl;
    private final BooleanBinding canSetFrequency;

    /**
     * {@code profilingTarget}: the target of the profiling session running now (null when none); a phone that
     * is being profiled cannot be controlled here, since its session sets and restores the clocks itself.
     */
    public PhoneControlsViewModel(Store store, TaskExecutor executor, AdbServerAddress adb, PhonesViewModel phones,
                                  ObservableValue<String> profilingTarget) {
        this.store = store;
        this.executor = executor;
        this.adb = adb;
        this.phones = phones;
        profiled = Bindings.createBooleanBinding(() -> selectedSerial.get() != null
                        && (AdbPhoneTarget.PREFIX + selectedSerial.get()).equals(profilingTarget.getValue()),
                selectedSerial, profilingTarget);
        canControl = loaded.and(busy.not()).and(profiled.not());
        canSetFrequency = canControl.and(selectedPolicyId.greaterThanOrEqualTo(0));
        selectedSerial.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                selected(now);
            }
        });
        selectedPolicyId.addListener((obs, old, now) -> editPolicy());
        // The live refresh keeps the policy table current (clocks move); the operator's choices are kept.
        phones.states().addListener((MapChangeListener<String, DeviceState>) c -> {
            if (c.wasAdded() && c.getKey().equals(selectedSerial.get())) {
                showPolicies(c.getValueAdded(), false);
            }
        });
        phones.devices().addListener((ListChangeListener<DeviceRow>) c -> {
            String serial = selectedSerial.get();
            if (serial != null && phones.devices().stream().noneMatch(d -> d.serial().equals(serial) && d.usable())) {
                selectedSerial.set(null); // the phone went away or is no longer online
            }
        });
    }

    private void selected(String serial) {
        policies.clear();
        selectedPolicyId.set(NO_POLICY);
        editPolicy();
        loaded.set(false);
        rooted.set(false);
        status.set("");
        statusIsError.set(false);
        if (serial == null) {
            device.set("Select a phone to control it");
            return;
        }
        device.set(serial + ": reading its state");
        run("Reading the state of " + serial, serial, d -> new Outcome("", DeviceStateReader.read(d)));
    }

    /** Reads the selected phone again (after the operator changed it by hand, say). */
    public void reload() {
        String serial = selectedSerial.get();
        if (serial != null && !busy.get() && !profiled.get()) {
            run("Reading the state of " + serial, serial, d -> new Outcome("State of " + serial + " read",
                    DeviceStateReader.read(d)));
        }
    }

    /** Sets the chosen governor and limits of the selected policy; only what differs from now is written. */
    public void applyFrequency() {
        String serial = selectedSerial.get();
        CpuPolicy now = policy(selectedPolicyId.get());
        if (!canSetFrequency.get() || now == null) {
            return;
        }
        String g = Objects.equals(governor.get(), now.governor()) ? null : governor.get();
        Long min = Objects.equals(minKhz.get(), now.scalingMinKhz()) ? null : minKhz.get();
        Long max = Objects.equals(maxKhz.get(), now.scalingMaxKhz()) ? null : maxKhz.get();
        if (g == null && min == null && max == null) {
            error("policy" + now.id() + " of " + serial + " already has governor " + now.governor() + ", min "
                    + mhz(now.scalingMinKhz()) + " and max " + mhz(now.scalingMaxKhz()) + ": nothing to change");
            return;
        }
        Long effectiveMin = min != null ? min : now.scalingMinKhz();
        Long effectiveMax = max != null ? max : now.scalingMaxKhz();
        if (effectiveMin != null && effectiveMax != null && effectiveMin > effectiveMax) {
            error("minimum " + mhz(effectiveMin) + " is above maximum " + mhz(effectiveMax) + " on policy" + now.id()
                    + ": nothing was changed");
            return;
        }
        int id = now.id();
        run("Setting policy" + id + " of " + serial, serial, d -> {
            CpuPolicy back = control(d).setFrequency(id, g, min, max);
            return new Outcome("policy" + id + " of " + serial + " reads back governor " + back.governor() + ", min "
                    + mhz(back.scalingMinKhz()) + ", max " + mhz(back.scalingMaxKhz()) + ", now "
                    + mhz(back.curFreqKhz()) + " (originals recorded; 'Reset device' puts them back)",
                    DeviceStateReader.read(d));
        });
    }

    /** Screen on, kept on while plugged in, at the chosen manual brightness. */
    public void keepScreenOn() {
        String serial = selectedSerial.get();
        int level = brightness.get();
        if (!canControl.get()) {
            return;
        }
        run("Keeping the screen of " + serial + " on", serial, d -> {
            control(d).keepScreenOn(level);
            DeviceState state = DeviceStateReader.read(d);
            return new Outcome("screen of " + serial + " is " + screenWord(state) + " and kept on, brightness reads back "
                    + state.brightness() + " (originals recorded; 'Reset device' puts them back)", state);
        });
    }

    /** Stops charging through the phone's charging switch (root needed), so energy readings exclude the charger. */
    public void pauseCharging() {
        String serial = selectedSerial.get();
        if (!canControl.get()) {
            return;
        }
        run("Pausing charging of " + serial, serial, d -> {
            DeviceControl control = control(d);
            String sw = control.pauseCharging();
            DeviceState state = DeviceStateReader.read(d);
            if (sw == null) {
                return new Outcome(control.root() == null
                        ? "device " + serial + " has no root access: pausing charging needs a rooted phone or a"
                        + " userdebug build; nothing was changed (energy readings include the charger)"
                        : "device " + serial + " has none of the known charging switches; nothing was changed"
                        + " (energy readings include the charger)", state, true);
            }
            return new Outcome("charging of " + serial + " paused through " + sw + " (battery now "
                    + (state.battery() == null ? "unknown" : state.battery().status())
                    + "; 'Reset device' resumes it)", state);
        });
    }

    /** Applies every recorded original of the phone, newest first ({@code aodnn device reset}). */
    public void resetDevice() {
        String serial = selectedSerial.get();
        if (!canControl.get()) {
            return;
        }
        run("Resetting " + serial, serial, d -> {
            List<String> restored = control(d).restoreAll();
            return new Outcome(restored.isEmpty() ? serial + ": nothing to restore"
                    : serial + ": restored " + String.join(", ", restored), DeviceStateReader.read(d));
        });
    }

    private DeviceControl control(AdbDevice d) {
        return new DeviceControl(d, store, OWNER);
    }

    /** What an action says, and the state read after it. */
    private record Outcome(String message, DeviceState state, boolean refused) {
        Outcome(String message, DeviceState state) {
            this(message, state, false);
        }
    }

    /** Runs one action on its own connection to the phone; one action at a time. */
    private void run(String title, String serial, Function<AdbDevice, Outcome> action) {
        if (adb == null) {
            error("Phones cannot be controlled: no adb server is configured");
            return;
        }
        tasksRunning++;
        busy.set(true);
        if (loaded.get()) {
            info(title + " …");
        }
        executor.execute(BackgroundTask.of(title, () -> {
            try (AdbDevice d = AdbDevice.open(new AdbServerClient(adb), serial)) {
                return action.apply(d);
            }
        }), TaskCallbacks.<Outcome>of(outcome -> {
            taskEnded();
            phones.showState(outcome.state());
            if (!serial.equals(selectedSerial.get())) {
                return; // the operator chose another phone meanwhile
            }
            loaded.set(true);
            describe(outcome.state());
            showPolicies(outcome.state(), true);
            if (outcome.refused()) {
                error(outcome.message());
            } else if (!outcome.message().isEmpty()) {
                info(outcome.message());
            }
        }, failure -> {
            taskEnded();
            if (!serial.equals(selectedSerial.get())) {
                return;
            }
            error(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            if (!loaded.get()) {
                device.set(serial + ": its state cannot be read (the reason is below)");
            } else {
                refreshAfterFailure(serial);
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
            if (serial.equals(selectedSerial.get())) {
                showPolicies(state, true);
            }
        }, ignored -> {
            // the failure already shown says what went wrong
        }));
    }

    private void describe(DeviceState state) {
        rooted.set(state.rooted());
        device.set(state.serial() + ": " + DeviceRow.modelName(state) + ", "
                + (state.rooted() ? "root via " + state.root() : "no root (frequency and charging controls refused)")
                + ", brightness " + (state.brightness() == null ? "n/a" : state.brightness()));
    }

    /** {@code edit}: also put the selected policy's values into the choices (after an action or a load). */
    private void showPolicies(DeviceState state, boolean edit) {
        int keep = selectedPolicyId.get();
        policies.setAll(state.policies());
        if (policy(keep) == null) {
            selectedPolicyId.set(policies.isEmpty() ? NO_POLICY : policies.get(0).id());
        } else if (edit) {
            editPolicy();
        }
    }

    private void editPolicy() {
        CpuPolicy p = policy(selectedPolicyId.get());
        if (p == null) {
            governorChoices.clear();
            frequencyChoices.clear();
            governor.set(null);
            minKhz.set(null);
            maxKhz.set(null);
            return;
        }
        governorChoices.setAll(p.availableGovernors());
        frequencyChoices.setAll(p.availableFreqsKhz());
        governor.set(p.governor());
        minKhz.set(p.scalingMinKhz());
        maxKhz.set(p.scalingMaxKhz());
    }

    private CpuPolicy policy(int id) {
        return policies.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    private static String screenWord(DeviceState state) {
        return state.screen() == null || state.screen().on() == null ? "in an unknown state"
                : state.screen().on() ? "on" : "off";
    }

    static String mhz(Long khz) {
        return khz == null ? "n/a" : (khz % 1000 == 0 ? String.valueOf(khz / 1000)
                : String.format(java.util.Locale.ROOT, "%.1f", khz / 1000.0)) + " MHz";
    }

    private void info(String text) {
        statusIsError.set(false);
        status.set(text);
    }

    private void error(String text) {
        statusIsError.set(true);
        status.set(text);
    }

    // --- properties for the view ---

    /** The serial of the phone to control (the phone table's selection); null for none. */
    public StringProperty selectedSerialProperty() {
        return selectedSerial;
    }

    /** The selected phone in words: model, simulated, root, brightness. */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** True once the selected phone's state was read (the controls work on it). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rootedProperty() {
        return rooted.getReadOnlyProperty();
    }

    public ObservableList<CpuPolicy> policies() {
        return policies;
    }

    /** The policy whose governor and limits are edited; -1 for none. */
    public IntegerProperty selectedPolicyIdProperty() {
        return selectedPolicyId;
    }

    public ObservableList<String> governorChoices() {
        return governorChoices;
    }

    /** The selected policy's table of frequencies, kHz. */
    public ObservableList<Long> frequencyChoices() {
        return frequencyChoices;
    }

    public StringProperty governorProperty() {
        return governor;
    }

    public ObjectProperty<Long> minKhzProperty() {
        return minKhz;
    }

    public ObjectProperty<Long> maxKhzProperty() {
        return maxKhz;
    }

    /** Manual brightness to keep the screen at, 0..255. */
    public IntegerProperty brightnessProperty() {
        return brightness;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the lab profiles the selected phone (its controls are locked). */
    public BooleanBinding profiledProperty() {
        return profiled;
    }

    public BooleanBinding canControlProperty() {
        return canControl;
    }

    public BooleanBinding canSetFrequencyProperty() {
        return canSetFrequency;
    }

    /** The last action's read-back, or its refusal. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }
}
