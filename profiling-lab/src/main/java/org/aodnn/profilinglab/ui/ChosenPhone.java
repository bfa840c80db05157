package org.aodnn.profilinglab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * The phone the controls work on (the Phones tab's selection) and what they know of it: a line describing it,
 * whether its state was read (the controls act only on a phone whose state they have seen) and whether it has
 * root. A phone the lab is profiling is locked, since its session sets and restores the clocks itself. A phone
 * that leaves the live list is unchosen: it was unplugged or went offline, or the workspace was hidden and the
 * polling stopped, which empties the list.
 */
final class ChosenPhone {

    static final String NONE = "Select a phone to control it";

    private final StringProperty serial = new SimpleStringProperty();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper rooted = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding profiled;

    /**
     * {@code devices}: the live phone list; {@code profilingTarget}: the target of the profiling session running
     * now, null when none.
     */
    ChosenPhone(ObservableList<DeviceRow> devices, ObservableValue<String> profilingTarget) {
        profiled = Bindings.createBooleanBinding(() -> serial.get() != null
                        && (AdbPhoneTarget.PREFIX + serial.get()).equals(profilingTarget.getValue()),
                serial, profilingTarget);
        devices.addListener((ListChangeListener<DeviceRow>) c -> {
            String s = serial.get();
            if (s != null && devices.stream().noneMatch(d -> d.serial().equals(s) && d.usable())) {
                serial.set(null); // the phone went away or is no longer online
            }
        });
    }

    String serial() {
        return serial.get();
    }

    /** Whether {@code s} is still the chosen phone: an answer about another phone is not shown as this one's. */
    boolean isChosen(String s) {
        return s.equals(serial.get());
    }

    boolean loaded() {
        return loaded.get();
    }

    boolean profiled() {
        return profiled.get();
    }

    /** Another phone (or none) was chosen: nothing is known of it yet. */
    void forget() {
        loaded.set(false);
        rooted.set(false);
    }

    /** {@code s} null: no phone is chosen; otherwise its state is being read. */
    void reading(String s) {
        device.set(s == null ? NONE : s + ": reading its state");
    }

    /** The phone's state was read: the controls work on it from now on. */
    void read(DeviceState state) {
        loaded.set(true);
        rooted.set(state.rooted());
        device.set(state.serial() + ": " + DeviceRow.modelName(state) + ", "
                + (state.rooted() ? "root via " + state.root() : "no root (frequency and charging controls refused)")
                + ", brightness " + (state.brightness() == null ? "n/a" : state.brightness()));
    }

    /** The first read failed; the status line says why. */
    void unreadable(String s) {
        device.set(s + ": its state cannot be read (the reason is below)");
    }

    /** The first read of the phone was cancelled: nothing is known of it yet. */
    void notRead(String s) {
        device.set(s + ": its state was not read (cancelled); Reload reads it");
    }

    StringProperty serialProperty() {
        return serial;
    }

    ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty rootedProperty() {
        return rooted.getReadOnlyProperty();
    }

    BooleanBinding profiledBinding() {
        return profiled;
    }
}
