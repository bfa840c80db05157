package org.aodnn.profilinglab.adb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdbDeviceEntryTest {

    @Test
    void oneBadPhoneDoesNotHideTheOthers() {
        List<AdbDeviceEntry> d = AdbDeviceEntry.parseDevicesLong(
                "28031FDH2000AB         device usb:1-1 product:panther model:Pixel_7 device:panther transport_id:3\n"
                + "R58M12ABCDE            unauthorized usb:1-2 transport_id:4\n"
                + "0123456789ABCDEF       no permissions (missing udev rules? user is in the plugdev group); see [http://developer.android.com/tools/device.html] usb:1-3\n"
                + "192.168.1.20:5555      offline transport_id:5\n"
                + "emulator-5554          device product:sdk_gphone64_x86_64 model:sdk_gphone64_x86_64 device:emu64xa transport_id:1\n"
                + "garbage\n");
        assertEquals(5, d.size());
        assertTrue(d.get(0).usable());
        assertEquals("Pixel_7", d.get(0).model());
        assertEquals("3", d.get(0).details().get("transport_id"));
        assertEquals("unauthorized", d.get(1).state());
        assertFalse(d.get(1).usable());
        assertTrue(d.get(2).state().startsWith("no permissions"), d.get(2).state());
        assertEquals("1-3", d.get(2).details().get("usb"));
        assertEquals("offline", d.get(3).state());
        assertEquals("emu64xa", d.get(4).details().get("device"));
    }

    @Test
    void addressFromEnvironment() {
        AdbServerAddress a = AdbServerAddress.fromEnvironment(java.util.Map.of("ANDROID_ADB_SERVER_PORT", "15037"));
        assertEquals(15037, a.port());
        assertTrue(a.isLoopback());
        assertEquals(5037, AdbServerAddress.fromEnvironment(java.util.Map.of()).port());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AdbServerAddress.fromEnvironment(java.util.Map.of("ANDROID_ADB_SERVER_PORT", "x")));
    }
}
