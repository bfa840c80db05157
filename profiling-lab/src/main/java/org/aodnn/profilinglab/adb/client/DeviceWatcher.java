package org.aodnn.profilinglab.adb.client;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the adb server's device list live on a background thread and reports phones appearing, changing
 * state (e.g. unauthorized → device, device → offline) and disappearing. It polls {@code host:devices-l}
 * (with the client's timeouts) rather than following {@code host:track-devices-l}: adb 29 does not push an
 * update when a network device's connection drops (the device only turns "offline" in the next listing).
 * When the server goes away every phone is reported gone and the watcher retries (starting the server
 * again when it runs on this computer).
 */
public final class DeviceWatcher implements AutoCloseable {

    /** What the watcher reports; called on the watcher's thread. */
    public interface Listener {
        void appeared(AdbDeviceEntry device);

        void changed(AdbDeviceEntry before, AdbDeviceEntry now);

        void disappeared(AdbDeviceEntry device);

        /**
         * The whole list as just read, after the appeared/changed/disappeared calls it caused (empty while the
         * server cannot be reached): a phone absent from it is not connected, as far as the server knows.
         */
        default void listed(List<AdbDeviceEntry> devices) {
        }

        /** The server could not be reached; the watcher retries. */
        default void serverUnavailable(String message) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceWatcher.class);
    private static final long RETRY_MS = 2_000;
    private static final long POLL_MS = 500;

    private final AdbServerClient server;
    private final Listener listener;
    private final Thread thread;
    private final Map<String, AdbDeviceEntry> known = new LinkedHashMap<>();
    private volatile boolean closed;

    private DeviceWatcher(AdbServerClient server, Listener listener) {
        this.server = server;
        this.listener = listener;
        this.thread = new Thread(this::loop, "adb-device-watcher");
        this.thread.setDaemon(true);
    }

    public static DeviceWatcher start(AdbServerClient server, Listener listener) {
        DeviceWatcher w = new DeviceWatcher(server, listener);
        w.thread.start();
        return w;
    }

    /** The devices as last reported by the server. */
    public synchronized Map<String, AdbDeviceEntry> devices() {
        return new HashMap<>(known);
    }

    private void loop() {
        while (!closed) {
            try {
                server.ensureRunning();
                while (!closed) {
                    update(server.devices());
                    Thread.sleep(POLL_MS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | AdbException e) {
                if (closed) {
                    return;
                }
                listener.serverUnavailable("adb server at " + server.address() + ": " + e.getMessage());
                update(List.of());
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void update(List<AdbDeviceEntry> list) {
        Map<String, AdbDeviceEntry> now = new LinkedHashMap<>();
        list.forEach(d -> now.put(d.serial(), d));
        Map<String, AdbDeviceEntry> before;
        synchronized (this) {
            before = new LinkedHashMap<>(known);
            known.clear();
            known.putAll(now);
        }
        for (AdbDeviceEntry d : now.values()) {
            AdbDeviceEntry old = before.get(d.serial());
            try {
                if (old == null) {
                    listener.appeared(d);
                } else if (!Objects.equals(old.state(), d.state())) {
                    listener.changed(old, d);
                }
            } catch (RuntimeException e) {
                LOG.warn("device listener failed: {}", e.toString());
            }
        }
        for (AdbDeviceEntry d : before.values()) {
            if (!now.containsKey(d.serial())) {
                try {
                    listener.disappeared(d);
                } catch (RuntimeException e) {
                    LOG.warn("device listener failed: {}", e.toString());
                }
            }
        }
        try {
            listener.listed(List.copyOf(now.values()));
        } catch (RuntimeException e) {
            LOG.warn("device listener failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
