package org.aodnn.profilinglab.adb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GetpropParserTest {

    @Test
    void readsPixelPropertiesAndIdentity() {
        Map<String, String> p = GetpropParser.parse(Fixtures.read("getprop-pixel7.txt"));
        assertEquals("Pixel 7", p.get("ro.product.model"));
        assertEquals("", p.get("vendor.usb.config"));
        DeviceIdentity id = DeviceIdentity.fromProps(p);
        assertEquals("Google", id.manufacturer());
        assertEquals("14", id.androidVersion());
        assertEquals(34, id.sdk());
        assertEquals("Google GS201", id.soc());
        assertEquals("arm64-v8a", id.abi());
        assertEquals(3, id.abiList().size());
        assertFalse(id.simulated());
        assertFalse(id.debuggable());
    }

    @Test
    void samsungVendorPropertiesAndMultiLineValue() {
        Map<String, String> p = GetpropParser.parse(Fixtures.read("getprop-samsung-a12-multiline.txt"));
        assertEquals("multi\nline value kept\nas one", p.get("ril.approved_codedate"));
        assertEquals("mtp,adb", p.get("sys.usb.state"));
        DeviceIdentity id = DeviceIdentity.fromProps(p);
        // No ro.product.model on this build: the vendor partition's name is used.
        assertEquals("SM-A125F", id.model());
        assertEquals("samsung", id.manufacturer());
        assertEquals("MT6765V/CB", id.soc());
        assertEquals(30, id.sdk());
    }

    @Test
    void malformedLineNamesTheLine() {
        DeviceOutputException e = assertThrows(DeviceOutputException.class,
                () -> GetpropParser.parse("[a]: [1]\nnot a property\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        DeviceOutputException open = assertThrows(DeviceOutputException.class,
                () -> GetpropParser.parse("[a]: [1]\n[b]: [never closed\n"));
        assertTrue(open.getMessage().contains("b is not closed"), open.getMessage());
    }
}
