package org.aodnn.profilinglab.adb.state;

import java.util.List;
import java.util.Map;

/**
 * Who a device is, from its system properties. Vendors spread these over several property names, so each
 * fact falls back through the names seen on real devices (AOSP, Samsung, MediaTek, Qualcomm, emulators).
 */
public record DeviceIdentity(String manufacturer, String brand, String model, String device, String androidVersion,
                             Integer sdk, String soc, String abi, List<String> abiList, String buildType,
                             boolean debuggable, boolean simulated, boolean emulator) {

    /** The property a simulated device sets so that it can never pass for real hardware. */
    public static final String SIMULATED_PROPERTY = "ro.aodnn.simulated";

    public static DeviceIdentity fromProps(Map<String, String> p) {
        String manufacturer = first(p, "ro.product.manufacturer", "ro.product.vendor.manufacturer",
                "ro.product.system.manufacturer");
        String brand = first(p, "ro.product.brand", "ro.product.vendor.brand");
        String model = first(p, "ro.product.model", "ro.product.vendor.model", "ro.product.system.model");
        String device = first(p, "ro.product.device", "ro.product.vendor.device");
        String release = first(p, "ro.build.version.release_or_codename", "ro.build.version.release");
        Integer sdk = DeviceStateReader.parseInt(first(p, "ro.build.version.sdk"));
        String abi = first(p, "ro.product.cpu.abi", "ro.product.cpu.abilist");
        if (abi != null && abi.contains(",")) {
            abi = abi.substring(0, abi.indexOf(','));
        }
        String abiListRaw = first(p, "ro.product.cpu.abilist", "ro.product.cpu.abi");
        List<String> abiList = abiListRaw == null ? List.of() : List.of(abiListRaw.split(","));
        return new DeviceIdentity(manufacturer, brand, model, device, release, sdk, soc(p), abi, abiList,
                first(p, "ro.build.type"), "1".equals(p.get("ro.debuggable")),
                "1".equals(p.get(SIMULATED_PROPERTY)),
                "1".equals(p.get("ro.kernel.qemu")) || "1".equals(p.get("ro.boot.qemu")));
    }

    /** SoC name: Android 12+ has ro.soc.*; older devices only say the board platform or hardware. */
    private static String soc(Map<String, String> p) {
        String socModel = first(p, "ro.soc.model");
        String socMaker = first(p, "ro.soc.manufacturer");
        if (socModel != null) {
            return socMaker == null ? socModel : socMaker + " " + socModel;
        }
        String chip = first(p, "ro.hardware.chipname", "ro.chipname", "ro.board.platform", "ro.mediatek.platform",
                "ro.hardware", "ro.boot.hardware");
        return chip;
    }

    private static String first(Map<String, String> p, String... names) {
        for (String n : names) {
            String v = p.get(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
