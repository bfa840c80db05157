package org.aodnn.profilinglab.adb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual phone on a port of the adb server's emulator scan, started before the (real) adb server and then
 * connected to it: the server lists it twice, as {@code emulator-N} and {@code 127.0.0.1:N+1}. {@code aodnn
 * devices} lists it once, under the address it was connected with, as the Profiling Lab window does.
 */
class DevicesListedOnceTest {

    @TempDir
    Path dir;

    @Test
    void aPhoneTheServerListsTwiceIsListedOnce() throws Exception {
        try (VirtualPhone phone = AdbTestBed.phoneInTheEmulatorScan(dir.resolve("phone"));
             AdbTestBed bed = AdbTestBed.serverOnly()) { // started after the phone: its scan finds it
            String connected = phone.adbSerial();
            String scanned = "emulator-" + (phone.port() - 1);
            bed.server.connectDevice(connected);
            bed.awaitState(connected, AdbDeviceEntry.ONLINE, Duration.ofSeconds(15));
            bed.awaitState(scanned, AdbDeviceEntry.ONLINE, Duration.ofSeconds(15));
            String port = String.valueOf(bed.server.address().port());

            var json = DeviceCommandsIntegrationTest.run(new DevicesCommand(), "--adb-port", port, "--json");
            assertEquals(0, json.exit(), json.err());
            List<String> serials = new ArrayList<>();
            JsonNode listed = null;
            for (JsonNode d : json.json().get("devices")) {
                serials.add(d.get("serial").asText());
                if (d.get("serial").asText().equals(connected)) {
                    listed = d;
                }
            }
            assertEquals(List.of(connected), serials, json.out());
            assertEquals(scanned, listed.get("alsoListedAs").get(0).asText());

            var text = DeviceCommandsIntegrationTest.run(new DevicesCommand(), "--adb-port", port);
            assertEquals(0, text.exit(), text.err());
            assertTrue(text.out().contains(connected), text.out());
            assertTrue(text.out().contains("(also listed as " + scanned + ")"), text.out());
            assertFalse(text.out().lines().anyMatch(l -> l.startsWith(scanned)), text.out());
        }
    }
}
