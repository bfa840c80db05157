package org.aodnn.profilinglab.adb.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.client.DeviceWatcher;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;

/**
 * The devices of the adb server with their live state, for a workspace that shows phones as they come and go:
 * every online phone is read when it appears and then every {@code refresh}; phones that are unauthorized or
 * offline are reported without being opened. Listener calls come from background threads.
 */
public final class LiveDevices implements AutoCloseable {

    /** What changed. {@code state} is null until read (or when the device cannot be opened: see {@code problem}). */
    public interface Listener {
        void updated(AdbDeviceEntry entry, DeviceState state, String problem);

        void removed(String serial);

        /** The adb server's whole list as just read (see {@link DeviceWatcher.Listener#listed}). */
        default void listed(List<AdbDeviceEntry> devices) {
        }
    }

    private final AdbServerClient server;
    private final Listener listener;
    private final ScheduledExecutorService readers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "adb-live-state");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AdbDeviceEntry> entries = new ConcurrentHashMap<>();
    private final DeviceWatcher watcher;

    private LiveDevices(AdbServerClient server, Duration refresh, Listener listener) {
        this.server = server;
        this.listener = listener;
        this.watcher = DeviceWatcher.start(server, new DeviceWatcher.Listener() {
            @Override
            public void appeared(AdbDeviceEntry device) {
                seen(device);
            }

            @Override
            public void changed(AdbDeviceEntry before, AdbDeviceEntry now) {
                seen(now);
            }

            @Override
            public void disappeared(AdbDeviceEntry device) {
                entries.remove(device.serial());
                listener.removed(device.serial());
            }

            @Override
            public void listed(List<AdbDeviceEntry> devices) {
                listener.listed(devices);
            }
        });
        readers.scheduleWithFixedDelay(this::refreshAll, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static LiveDevices start(AdbServerClient server, Duration refresh, Listener listener) {
        return new LiveDevices(server, refresh, listener);
    }

    private void seen(AdbDeviceEntry d) {
        entries.put(d.serial(), d);
        if (d.usable()) {
            readers.execute(() -> read(d.serial()));
        } else {
            listener.updated(d, null, "device is " + d.state());
        }
    }

    private void refreshAll() {
        entries.values().stream().filter(AdbDeviceEntry::usable).forEach(d -> read(d.serial()));
    }

    private void read(String serial) {
        AdbDeviceEntry entry = entries.get(serial);
        if (entry == null || !entry.usable()) {
            return;
        }
        try (AdbDevice d = AdbDevice.open(server, serial)) {
            listener.updated(entry, DeviceStateReader.read(d), null);
        } catch (RuntimeException e) {
            listener.updated(entry, null, e.getMessage());
        }
    }

    @Override
    public void close() {
        watcher.close();
        readers.shutdownNow();
    }
}
