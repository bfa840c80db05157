package org.aodnn.profilinglab.ui;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.live.LiveDevices;
import org.aodnn.profilinglab.adb.live.SameDevices;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * The phones of the adb server with their live state, watched only while the workspace is shown (each
 * phone is probed over adb, which costs it battery and the console a connection: no polling in the
 * background). A phone the server lists twice (see {@link SameDevices}) is shown once. Updates come from adb
 * threads and are applied on the UI thread.
 */
public final class PhonesViewModel implements Activatable {

    static final Duration REFRESH = Duration.ofSeconds(3);

    private final AdbServerAddress address;
    private final TaskExecutor executor;
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The last state read of each listed phone (absent while unread or unreadable), for the phone's controls. */
    private final ObservableMap<String, DeviceState> states = FXCollections.observableHashMap();
    /** Every entry and row of the server's list, in the order they appeared (duplicates included). */
    private final Map<String, AdbDeviceEntry> entries = new LinkedHashMap<>();
    private final Map<String, DeviceRow> rows = new LinkedHashMap<>();
    /** Serial → adb state of the server's last list; null while hidden and until the first list after showing. */
    private final ReadOnlyObjectWrapper<Map<String, String>> listing = new ReadOnlyObjectWrapper<>();
    private String watching = "";
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
        watching = "Watching the adb server at " + address + " for phones";
        status.set(watching);
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
                        rows.remove(serial);
                        states.remove(serial);
                        show();
                    });
                }

                @Override
                public void listed(List<AdbDeviceEntry> list) {
                    Map<String, String> now = list.stream().collect(Collectors.toMap(AdbDeviceEntry::serial,
                            AdbDeviceEntry::state, (a, b) -> a, LinkedHashMap::new));
                    executor.runOnUiThread(() -> {
                        if (live != null) {
                            listing.set(Map.copyOf(now));
                        }
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
        listing.set(null);
        rows.clear();
        states.clear();
        entries.clear();
        devices.clear();
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
        rows.put(entry.serial(), DeviceRow.of(entry, state, problem));
        show();
    }

    /**
     * Brings the shown rows in line with the known ones minus the duplicates, changing only rows that differ
     * (each change reaches the table and the target list).
     */
    private void show() {
        Map<String, String> sameAs = SameDevices.duplicates(List.copyOf(entries.values()), states);
        List<DeviceRow> wanted = rows.values().stream().filter(r -> !sameAs.containsKey(r.serial())).toList();
        devices.removeIf(d -> wanted.stream().noneMatch(r -> r.serial().equals(d.serial())));
        for (DeviceRow row : wanted) {
            int i = indexOf(row.serial());
            if (i < 0) {
                devices.add(row);
            } else if (!devices.get(i).equals(row)) {
                devices.set(i, row);
            }
        }
        status.set(sameAs.isEmpty() ? watching : watching + "; listed once: " + sameAs.entrySet().stream()
                .map(e -> e.getKey() + " is " + e.getValue()).collect(Collectors.joining(", "))
                + " (the adb server reaches the same phone twice)");
    }

    private int indexOf(String serial) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).serial().equals(serial)) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    /** Serial → the last state read of that phone. */
    public ObservableMap<String, DeviceState> states() {
        return states;
    }

    /**
     * The adb server's last list (serial → adb state), every phone it names whether shown or not; null while the
     * workspace is hidden and until the first list after it is shown.
     */
    public ReadOnlyObjectProperty<Map<String, String>> listingProperty() {
        return listing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
