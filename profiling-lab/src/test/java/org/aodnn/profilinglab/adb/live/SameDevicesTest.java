package org.aodnn.profilinglab.adb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.state.DeviceIdentity;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.junit.jupiter.api.Test;

/**
 * Which entries of an adb device list name a phone listed already: the emulator scan's name of a connected
 * loopback port, a phone on USB and over Wi-Fi (same serial number property); never two different phones, and
 * never an entry that is not online.
 */
class SameDevicesTest {

    private static AdbDeviceEntry entry(String serial, String state) {
        return new AdbDeviceEntry(serial, state, Map.of());
    }

    private static DeviceState withSerialNo(String serial, String serialNo) {
        Map<String, String> props = Map.of("ro.serialno", serialNo);
        return new DeviceState(serial, Instant.now(), DeviceIdentity.fromProps(props), props, null, List.of(), null,
                null, List.of(), null, null, List.of(), null);
    }

    @Test
    void theEmulatorScansNameOfAConnectedLoopbackPortIsTheSamePhone() {
        // the scan's entry comes first in the server's list; the address the operator connected is kept
        Map<String, String> same = SameDevices.duplicates(List.of(entry("emulator-5564", "device"),
                entry("127.0.0.1:5565", "device"), entry("emulator-5554", "device")), Map.of());
        assertEquals(Map.of("emulator-5564", "127.0.0.1:5565"), same, "emulator-5554 (port 5555) is another one");
    }

    @Test
    void aPhoneOnUsbAndOverWifiIsTheSamePhoneByItsSerialNumber() {
        List<AdbDeviceEntry> list = List.of(entry("R58M123", "device"), entry("192.168.1.20:5555", "device"),
                entry("R58M999", "device"));
        Map<String, DeviceState> states = Map.of("R58M123", withSerialNo("R58M123", "R58M123"),
                "192.168.1.20:5555", withSerialNo("192.168.1.20:5555", "R58M123"),
                "R58M999", withSerialNo("R58M999", "R58M999"));
        assertEquals(Map.of("192.168.1.20:5555", "R58M123"), SameDevices.duplicates(list, states));
        assertEquals(Map.of(), SameDevices.duplicates(list, Map.of()), "not read yet: nothing to go by");
    }

    @Test
    void anEntryThatIsNotOnlineIsNeverHidden() {
        assertEquals(Map.of(), SameDevices.duplicates(List.of(entry("emulator-5564", "offline"),
                entry("127.0.0.1:5565", "device")), Map.of()));
    }
}
