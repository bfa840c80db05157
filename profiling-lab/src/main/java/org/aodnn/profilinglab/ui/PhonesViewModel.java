package org.aodnn.profilinglab.ui;

import java.time.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
                    DeviceRow row = DeviceRow.of(entry, state, problem);
                    executor.runOnUiThread(() -> put(row));
                }

                @Override
                public void removed(String serial) {
                    executor.runOnUiThread(() -> devices.removeIf(d -> d.serial().equals(serial)));
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
        if (address != null) {
            status.set("Phones are watched while the Profiling Lab is shown");
        }
    }

    private void put(DeviceRow row) {
        if (live == null) {
            return; // a late update after the workspace was hidden
        }
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

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
