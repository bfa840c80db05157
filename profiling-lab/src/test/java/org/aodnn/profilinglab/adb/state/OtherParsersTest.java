package org.aodnn.profilinglab.adb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtherParsersTest {

    @Test
    void thermalZonesInMillidegreesTenthsAndDegrees() {
        List<ThermalZone> z = ThermalParser.parse(Fixtures.read("thermal-mixed.txt"));
        assertEquals(6, z.size());
        assertEquals("BIG", z.get(0).type());
        assertEquals(41.25, z.get(0).tempC(), 1e-9);
        assertEquals(28.7, z.get(3).tempC(), 1e-9);
        assertEquals(33.0, z.get(4).tempC(), 1e-9);
        assertNull(z.get(5).tempC()); // pa_therm0's temp could not be read
        assertThrows(DeviceOutputException.class, () -> ThermalParser.parse("grep: no such file\n"));
    }

    @Test
    void screenStates() {
        assertTrue(ScreenStateParser.parse(Fixtures.read("power-awake.txt")).on());
        ScreenState doze = ScreenStateParser.parse(Fixtures.read("power-dozing.txt"));
        assertFalse(doze.on());
        assertEquals("Dozing", doze.wakefulness());
        assertEquals("DOZE", doze.displayState());
        assertTrue(ScreenStateParser.parse(Fixtures.read("power-legacy-kitkat.txt")).on());
        assertNull(ScreenStateParser.parse("").on());
    }

    @Test
    void browsersAndVersions() {
        Set<String> installed = BrowserPackages.parsePackageList(Fixtures.read("packages-samsung.txt"));
        assertEquals(List.of("com.android.chrome", "org.mozilla.firefox", "com.sec.android.app.sbrowser",
                "com.google.android.webview"), BrowserPackages.browsersAmong(installed));
        assertEquals("121.0.6167.101",
                BrowserPackages.parseVersionName(Fixtures.read("version-chrome-updated-system-app.txt")));
        assertEquals("122.0", BrowserPackages.parseVersionName(Fixtures.read("version-firefox.txt")));
        assertNull(BrowserPackages.parseVersionName(""));
        assertEquals("Samsung Internet", BrowserPackages.info("com.sec.android.app.sbrowser", "23.0").family());
        assertEquals(Set.of("com.example"), BrowserPackages.parsePackageList("package:/data/app/x/base.apk=com.example\n"));
        assertThrows(DeviceOutputException.class, () -> BrowserPackages.parsePackageList("Error: no service\n"));
    }

    @Test
    void probeSectionsAndRootDetection() {
        Map<String, String> s = ProbeSections.split("@@id\n2000\n@@su0\n@@suc\n0\n@@end\n");
        assertEquals(RootAccess.SU_C, RootAccess.detect(s));
        assertEquals("su 0 sh -c 'echo '\\''x'\\'' > /f'", RootAccess.SU_UID.wrap("echo 'x' > /f"));
        assertNull(RootAccess.detect(ProbeSections.split("@@id\n2000\n@@su0\n@@suc\n@@end\n")));
    }
}
