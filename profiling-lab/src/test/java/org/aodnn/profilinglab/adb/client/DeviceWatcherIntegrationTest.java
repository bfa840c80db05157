package org.aodnn.profilinglab.adb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phones appear and disappear live: the watcher follows the real adb server's track-devices stream. */
class DeviceWatcherIntegrationTest {

    @Test
    void reportsAPhoneComingAndGoing(@TempDir Path tmp) throws Exception {
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (AdbTestBed bed = AdbTestBed.serverOnly();
             DeviceWatcher watcher = DeviceWatcher.start(bed.server, new DeviceWatcher.Listener() {
                 @Override
                 public void appeared(AdbDeviceEntry d) {
                     events.add("appeared " + d.serial() + " " + d.state());
                 }

                 @Override
                 public void changed(AdbDeviceEntry before, AdbDeviceEntry now) {
                     events.add("changed " + now.serial() + " " + before.state() + "->" + now.state());
                 }

                 @Override
                 public void disappeared(AdbDeviceEntry d) {
                     events.add("disappeared " + d.serial());
                 }
             })) {
            VirtualPhone phone = VirtualPhone.start(0, tmp.resolve("phone"), true);
            String serial = phone.adbSerial();
            bed.server.connectDevice(serial);
            // Other devices the server sees (an emulator port scan finds any other virtual phone running on this
            // computer) report events too: follow this phone's only.
            String first = nextFor(serial, events);
            assertNotNull(first, "no event for the connected phone");
            // The server may list it offline for a moment before the handshake completes.
            String online = first.endsWith(" device") ? first : nextFor(serial, events);
            assertNotNull(online);
            assertEquals(true, online.endsWith("device"), online);
            assertEquals("device", watcher.devices().get(serial).state());
            phone.close();
            String gone;
            do {
                gone = nextFor(serial, events);
                assertNotNull(gone, "the vanished phone was not reported");
            } while (!(gone.startsWith("disappeared " + serial) || gone.contains("device->offline")));
        }
    }

    /** The next event about {@code serial} within 20 s, skipping other devices' events; null if none came. */
    private static String nextFor(String serial, LinkedBlockingQueue<String> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String event;
        do {
            event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (event != null && !event.split(" ")[1].equals(serial));
        return event;
    }
}
