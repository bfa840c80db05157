package org.aodnn.profilinglab.adb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveDevicesIntegrationTest {

    @Test
    void readsAppearingPhonesAndDropsVanishedOnes(@TempDir Path tmp) throws Exception {
        LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try (AdbTestBed bed = AdbTestBed.start(tmp.resolve("phone"), true);
             LiveDevices live = LiveDevices.start(bed.server, Duration.ofSeconds(1), new LiveDevices.Listener() {
                 @Override
                 public void updated(AdbDeviceEntry entry, DeviceState state, String problem) {
                     events.add(state != null ? state : "problem " + problem);
                 }

                 @Override
                 public void removed(String serial) {
                     events.add("removed " + serial);
                 }
             })) {
            Object first = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(live);
            assertTrue(first instanceof DeviceState, String.valueOf(first));
            DeviceState s = (DeviceState) first;
            assertEquals(bed.serial, s.serial());
            assertTrue(s.simulated());
            // Refreshed periodically: the battery reading moves on.
            Object second = events.poll(10, TimeUnit.SECONDS);
            assertTrue(second instanceof DeviceState, String.valueOf(second));
            bed.phone.close();
            Object last;
            do {
                last = events.poll(20, TimeUnit.SECONDS);
                assertNotNull(last, "the vanished phone was never reported");
            } while (last instanceof DeviceState);
            assertTrue(last.equals("removed " + bed.serial) || String.valueOf(last).startsWith("problem "),
                    String.valueOf(last));
        }
    }
}
