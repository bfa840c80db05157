package org.aodnn.profilinglab.adb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryParserTest {

    @Test
    void pixelDischargingReportsMicroampsNegative() {
        BatteryState b = BatteryParser.parse(Fixtures.read("battery-pixel-discharging.txt"));
        assertEquals(78, b.percent());
        assertEquals("discharging", b.status());
        assertEquals("good", b.health());
        assertEquals(4012.0, b.voltageMv());
        assertEquals(28.7, b.temperatureC(), 1e-9);
        assertEquals(3_312_000L, b.chargeCounterUah());
        assertFalse(b.plugged());
        // Pixel kernels: µA, negative while discharging.
        CurrentConvention c = CurrentConvention.detect(List.of(-412_000L, -398_500L), b);
        assertEquals("uA", c.unit());
        assertEquals(-1, c.dischargeSign());
        assertEquals(412.0, c.toDischargeMa(-412_000L), 1e-9);
    }

    @Test
    void samsungChargingReportsMilliampsPositiveIntoTheBattery() {
        BatteryState b = BatteryParser.parse(Fixtures.read("battery-samsung-charging.txt"));
        assertTrue(b.usbPowered());
        assertEquals("charging", b.status());
        CurrentConvention c = CurrentConvention.detect(List.of(487L, 501L), b);
        assertEquals("mA", c.unit());
        // Positive while charging means a discharge would read negative.
        assertEquals(-1, c.dischargeSign());
        assertEquals(-487.0, c.toDischargeMa(487L), 1e-9);
    }

    @Test
    void qualcommStylePositiveWhileDischarging() {
        BatteryState b = BatteryParser.parse(Fixtures.read("battery-pixel-discharging.txt"));
        CurrentConvention c = CurrentConvention.detect(List.of(350_000L, 372_000L, -5_000L), b);
        assertEquals(1, c.dischargeSign());
        assertEquals(350.0, c.toDischargeMa(350_000L), 1e-9);
    }

    @Test
    void oddDeviceWithScaleVoltsAndStoppedUpdates() {
        BatteryState b = BatteryParser.parse(Fixtures.read("battery-updates-stopped-odd.txt"));
        assertEquals(41, b.percent());
        assertEquals(3810.0, b.voltageMv(), 1e-9);
        assertEquals(-4.5, b.temperatureC(), 1e-9);
        assertEquals("not-charging", b.status());
        assertEquals("LiFePO4", b.technology());
    }

    @Test
    void rejectsSomethingElse() {
        DeviceOutputException e = assertThrows(DeviceOutputException.class,
                () -> BatteryParser.parse("Can't find service: battery\n"));
        assertTrue(e.getMessage().contains("Can't find service"), e.getMessage());
        assertThrows(DeviceOutputException.class,
                () -> BatteryParser.parse("Current Battery Service state:\n  level: high\n"));
    }
}
