package org.aodnn.profilinglab.ui;

import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.state.CpuPolicy;

/**
 * The controls of the phone selected in the Phones tab, as the one object the {@link PhoneControlsView} binds to:
 * its cpufreq policies, the governor and limits to set on one of them, the screen brightness to keep, and the
 * actions (set frequency, keep the screen on, pause charging, reset the device). The work is done by parts with
 * one concern each: {@link ChosenPhone} (which phone, what is known of it, locked while profiled),
 * {@link CpuPolicyEditor} (its policies and the edited choices) with {@link FrequencyChange} (what Set frequency
 * writes), {@link PhoneChanges} (what each action does to the phone, recording every original for "Reset
 * device", and its words), {@link PhoneActionRunner} (one action at a time in the background, its outcome
 * delivered) and {@link PhoneControlStatus} (the status line). The phones themselves are polled by the
 * {@link PhonesViewModel} only while the workspace is shown; every property here changes on the UI thread.
 */
public final class PhoneControlsViewModel {

    private final PhoneControlStatus status = new PhoneControlStatus();
    private final ChosenPhone phone;
    private final CpuPolicyEditor policies;
    private final PhoneChanges changes;
    private final PhoneActionRunner runner;
    private final IntegerProperty brightness = new SimpleIntegerProperty(128);
    private final BooleanBinding canControl;
    private final BooleanBinding canSetFrequency;

    /**
     * {@code profilingTarget}: the target of the profiling session running now (null when none); a phone that
     * is being profiled cannot be controlled here, since its session sets and restores the clocks itself.
     */
    public PhoneControlsViewModel(Store store, TaskExecutor executor, AdbServerAddress adb, PhonesViewModel phones,
                                  ObservableValue<String> profilingTarget) {
        phone = new ChosenPhone(phones.devices(), profilingTarget);
        policies = new CpuPolicyEditor(phones.states(), phone.serialProperty());
        changes = new PhoneChanges(store);
        runner = new PhoneActionRunner(executor, adb, phones, phone, policies, status);
        canControl = phone.loadedProperty().and(runner.busyProperty().not()).and(phone.profiledBinding().not());
        canSetFrequency = canControl.and(policies.policySelectedBinding());
        phone.serialProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                selected(now);
            }
        });
    }

    private void selected(String serial) {
        policies.clear();
        phone.forget();
        status.clear();
        phone.reading(serial);
        if (serial != null) {
            runner.run("Reading the state of " + serial, serial, d -> changes.readState(d, ""));
        }
    }

    /** Reads the selected phone again (after the operator changed it by hand, say). */
    public void reload() {
        String serial = phone.serial();
        if (serial != null && !runner.busy() && !phone.profiled()) {
            runner.run("Reading the state of " + serial, serial, d -> changes.readState(d, "State of " + serial + " read"));
        }
    }

    /** Sets the chosen governor and limits of the selected policy; only what differs from now is written. */
    public void applyFrequency() {
        String serial = phone.serial();
        CpuPolicy now = policies.editedPolicy();
        if (!canSetFrequency.get() || now == null) {
            return;
        }
        FrequencyChange change;
        try {
            change = policies.change(serial, now);
        } catch (IllegalArgumentException e) {
            status.error(e.getMessage());
            return;
        }
        runner.run("Setting policy" + change.policyId() + " of " + serial, serial,
                d -> changes.setFrequency(d, serial, change));
    }

    /** Screen on, kept on while plugged in, at the chosen manual brightness. */
    public void keepScreenOn() {
        String serial = phone.serial();
        int level = brightness.get();
        if (!canControl.get()) {
            return;
        }
        runner.run("Keeping the screen of " + serial + " on", serial, d -> changes.keepScreenOn(d, serial, level));
    }

    /** Stops charging through the phone's charging switch (root needed), so energy readings exclude the charger. */
    public void pauseCharging() {
        String serial = phone.serial();
        if (!canControl.get()) {
            return;
        }
        runner.run("Pausing charging of " + serial, serial, d -> changes.pauseCharging(d, serial));
    }

    /** Puts the charging switch back as it was before {@link #pauseCharging()}; other changes stay. */
    public void resumeCharging() {
        String serial = phone.serial();
        if (!canControl.get()) {
            return;
        }
        runner.run("Resuming charging of " + serial, serial, d -> changes.resumeCharging(d, serial));
    }

    /** Applies every recorded original of the phone, newest first ({@code aodnn device reset}). */
    public void resetDevice() {
        String serial = phone.serial();
        if (!canControl.get()) {
            return;
        }
        runner.run("Resetting " + serial, serial, d -> changes.resetDevice(d, serial));
    }

    /** A clock in MHz as the controls show it ("n/a" when unknown). */

    // --- properties for the view ---

    /** The serial of the phone to control (the phone table's selection); null for none. */
    public StringProperty selectedSerialProperty() {
        return phone.serialProperty();
    }

    /** The selected phone in words: model, simulated, root, brightness. */
    public ReadOnlyStringProperty deviceProperty() {
        return phone.deviceProperty();
    }

    /** True once the selected phone's state was read (the controls work on it). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return phone.loadedProperty();
    }

    public ReadOnlyBooleanProperty rootedProperty() {
        return phone.rootedProperty();
    }

    public ObservableList<CpuPolicy> policies() {
        return policies.policies();
    }

    /** The policy whose governor and limits are edited; -1 for none. */
    public IntegerProperty selectedPolicyIdProperty() {
        return policies.selectedPolicyIdProperty();
    }

    public ObservableList<String> governorChoices() {
        return policies.governorChoices();
    }

    /** The selected policy's table of frequencies, kHz. */
    public ObservableList<Long> frequencyChoices() {
        return policies.frequencyChoices();
    }

    public StringProperty governorProperty() {
        return policies.governorProperty();
    }

    public ObjectProperty<Long> minKhzProperty() {
        return policies.minKhzProperty();
    }

    public ObjectProperty<Long> maxKhzProperty() {
        return policies.maxKhzProperty();
    }

    /** Manual brightness to keep the screen at, 0..255. */
    public IntegerProperty brightnessProperty() {
        return brightness;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return runner.busyProperty();
    }

    /** True while the lab profiles the selected phone (its controls are locked). */
    public BooleanBinding profiledProperty() {
        return phone.profiledBinding();
    }

    public BooleanBinding canControlProperty() {
        return canControl;
    }

    public BooleanBinding canSetFrequencyProperty() {
        return canSetFrequency;
    }

    /** The last action's read-back, or its refusal. */
    public ReadOnlyStringProperty statusProperty() {
        return status.statusProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return status.statusIsErrorProperty();
    }
}
