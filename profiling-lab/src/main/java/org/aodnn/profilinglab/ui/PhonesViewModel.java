package org.aodnn.profilinglab.ui;

import java.time.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.live.LiveDevices;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * The phones of the adb server with their live state, watched only while the workspace is shown (each
 * phone is probed over adb, which costs it battery and the console a connection: no polling in the
 * background). Updates come from adb threads and are applied on the UI thread.
 */
public final class PhonesViewModel implements Activatable {

    static final Duration REFRESH = Duration.ofSeconds(3);

    private final AdbServerAddress address;
    private final TaskExecutor executor;
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The last state read of each listed phone (absent while unread or unreadable), for the phone's controls. */
    private final ObservableMap<String, DeviceState> states = FXCollections.observableHashMap();
    private final Map<String, AdbDeviceEntry> entries = new HashMap<>();
    private LiveDevices live;

    /** {@code address} null: phones are not watched (no adb on this computer). */
    public PhonesViewModel(AdbServerAddress address, TaskExecutor executor) {
        this.address = address;
        this.executor = executor;
        status.set(address == null ? "Phones are not watched (no adb server configured; see the log)" : "");
    }

    @Override
    public void activate() {
        if (address == null || live != null) {
            return;
        }
        status.set("Watching the adb server at " + address + " for phones");
        try {
            // LiveDevices starts its own watcher thread (which also starts the adb server); this returns at once.
            live = LiveDevices.start(new AdbServerClient(address), REFRESH, new LiveDevices.Listener() {
                @Override
                public void updated(AdbDeviceEntry entry, DeviceState state, String problem) {
                    executor.runOnUiThread(() -> put(entry, state, problem));
                }

                @Override
                public void removed(String serial) {
                    executor.runOnUiThread(() -> {
                        entries.remove(serial);
                        states.remove(serial);
                        devices.removeIf(d -> d.serial().equals(serial));
                    });
                }
            });
        } catch (RuntimeException e) {
            status.set("Cannot watch phones: " + e.getMessage());
        }
    }

    @Override
    public void deactivate() {
        if (live != null) {
            live.close();
            live = null;
        }
        devices.clear();
        states.clear();
        entries.clear();
        if (address != null) {
            status.set("Phones are watched while the Profiling Lab is shown");
        }
    }

    /**
     * Shows a state read elsewhere (after a control changed the phone) without waiting for the next refresh.
     * UI thread only; ignored when the phone is no longer listed or the workspace is hidden.
     */
    public void showState(DeviceState state) {
        AdbDeviceEntry entry = entries.get(state.serial());
        if (entry != null && entry.usable()) {
            put(entry, state, null);
        }
    }

    private void put(AdbDeviceEntry entry, DeviceState state, String problem) {
        if (live == null) {
            return; // a late update after the workspace was hidden
        }
        DeviceState shown = states.get(entry.serial());
        if (state != null && shown != null && state.takenAt().isBefore(shown.takenAt())) {
            return; // a refresh read before a control's own read-back arrived after it: keep the newer state
        }
        entries.put(entry.serial(), entry);
        if (state != null) {
            states.put(entry.serial(), state);
        } else {
            states.remove(entry.serial());
        }
        DeviceRow row = DeviceRow.of(entry, state, problem);
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).serial().equals(row.serial())) {
                devices.set(i, row);
                return;
            }
        }
        devices.add(row);
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    /** Serial → the last state read of that phone. */
    public ObservableMap<String, DeviceState> states() {
        return states;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
