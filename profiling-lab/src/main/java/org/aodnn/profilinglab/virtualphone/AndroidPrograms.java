package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Android framework commands of the simulated phone, printing what real Android 14 prints:
 * {@code getprop}, {@code dumpsys battery|power|package}, {@code pm list packages|path}, {@code am start|force-stop},
 * {@code settings get|put}, {@code svc power stayon}, {@code input keyevent}.
 */
final class AndroidPrograms {

    /** Packages the simulated phone has, with the browsers the lab knows. */
    static final Map<String, String> PACKAGES = packages();
    static final String CHROME = "com.android.chrome";
    static final String WEBVIEW = "com.google.android.webview";

    private final VirtualDevice device;

    private AndroidPrograms(VirtualDevice device) {
        this.device = device;
    }

    private static Map<String, String> packages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("android", "/system/framework/framework-res.apk");
        m.put("com.android.settings", "/system_ext/priv-app/Settings/Settings.apk");
        m.put("com.android.shell", "/system/priv-app/Shell/Shell.apk");
        m.put("com.android.systemui", "/system_ext/priv-app/SystemUI/SystemUI.apk");
        m.put(CHROME, "/data/app/~~vphone==/com.android.chrome-1/base.apk");
        m.put(WEBVIEW, "/data/app/~~vphone==/com.google.android.webview-1/base.apk");
        m.put("com.android.providers.settings", "/system/priv-app/SettingsProvider/SettingsProvider.apk");
        return m;
    }

    static void register(Map<String, ShellProgram> programs, VirtualDevice device) {
        AndroidPrograms a = new AndroidPrograms(device);
        programs.put("getprop", a::getprop);
        programs.put("dumpsys", a::dumpsys);
        programs.put("pm", a::pm);
        programs.put("am", a::am);
        programs.put("settings", a::settings);
        programs.put("svc", a::svc);
        programs.put("input", a::input);
    }

    private int getprop(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        if (a.size() == 1) {
            for (var e : device.props.entrySet()) {
                out.println("[" + e.getKey() + "]: [" + e.getValue() + "]");
            }
        } else {
            out.println(device.props.getOrDefault(a.get(1), a.size() > 2 ? a.get(2) : ""));
        }
        return 0;
    }

    private int dumpsys(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException {
        if (a.size() < 2) {
            out.println("Currently running services:\n  battery\n  package\n  power");
            return 0;
        }
        device.tick();
        switch (a.get(1)) {
            case "battery" -> {
                PowerModel p = device.power;
                out.print("Current Battery Service state:\n"
                        + "  AC powered: false\n"
                        + "  USB powered: " + device.usbPowered + "\n"
                        + "  Wireless powered: false\n"
                        + "  Dock powered: false\n"
                        + "  Max charging current: 1500000\n"
                        + "  Max charging voltage: 5000000\n"
                        + "  Charge counter: " + p.chargeCounterUah() + "\n"
                        + "  status: " + device.batteryStatusCode() + "\n"
                        + "  health: 2\n"
                        + "  present: true\n"
                        + "  level: " + p.levelPercent() + "\n"
                        + "  scale: 100\n"
                        + "  voltage: " + Math.round(p.voltageMv()) + "\n"
                        + "  temperature: " + Math.round(p.temperatureC() * 10) + "\n"
                        + "  technology: Li-ion (simulated)\n");
            }
            case "power" -> {
                boolean on = device.screenOn();
                out.print("POWER MANAGER (dumpsys power)\n\nPower Manager State:\n"
                        + "  mWakefulness=" + (on ? "Awake" : "Asleep") + "\n"
                        + "  mWakefulnessChanging=false\n"
                        + "  mIsPowered=" + device.usbPowered + "\n"
                        + "  mPlugType=" + (device.usbPowered ? 2 : 0) + "\n"
                        + "  mBatteryLevel=" + device.power.levelPercent() + "\n"
                        + "  mStayOn=" + (VirtualDevice.parseIntOr(device.setting("global", "stay_on_while_plugged_in"), 0) != 0
                                && device.usbPowered) + "\n"
                        + "  mScreenBrightnessSetting=" + device.brightness() + "\n"
                        + "Display Power: state=" + (on ? "ON" : "OFF") + "\n");
            }
            case "package" -> {
                if (a.size() < 3) {
                    err.println("Usage: dumpsys package PACKAGE (the simulated phone lists single packages only)");
                    return 1;
                }
                String pkg = a.get(2);
                if (!PACKAGES.containsKey(pkg)) {
                    out.println("Unable to find package: " + pkg);
                    return 0;
                }
                String version = pkg.equals(CHROME) || pkg.equals(WEBVIEW) ? device.browser.version() : "14";
                out.print("Packages:\n"
                        + "  Package [" + pkg + "] (" + Integer.toHexString(pkg.hashCode()) + "):\n"
                        + "    userId=" + (10000 + Math.abs(pkg.hashCode() % 1000)) + "\n"
                        + "    pkg=Package{" + Integer.toHexString(pkg.hashCode()) + " " + pkg + "}\n"
                        + "    codePath=" + PACKAGES.get(pkg) + "\n"
                        + "    versionCode=" + Math.abs(version.hashCode() % 100000) + " minSdk=29 targetSdk=34\n"
                        + "    versionName=" + version + "\n"
                        + "    flags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]\n");
            }
            default -> {
                err.println("Can't find service: " + a.get(1));
                return 0;
            }
        }
        return 0;
    }

    private int pm(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        if (a.size() >= 3 && a.get(1).equals("list") && a.get(2).equals("packages")) {
            boolean paths = a.contains("-f");
            String filter = a.size() > 3 && !a.get(a.size() - 1).startsWith("-") ? a.get(a.size() - 1) : null;
            for (var e : PACKAGES.entrySet()) {
                if (filter == null || e.getKey().contains(filter)) {
                    out.println("package:" + (paths ? e.getValue() + "=" : "") + e.getKey());
                }
            }
            return 0;
        }
        if (a.size() >= 3 && a.get(1).equals("path")) {
            String p = PACKAGES.get(a.get(2));
            if (p == null) {
                return 1;
            }
            out.println("package:" + p);
            return 0;
        }
        err.println("pm: the simulated phone supports 'pm list packages [-f] [FILTER]' and 'pm path PACKAGE'");
        return 1;
    }

    /** {@code am start [-a ACTION] [-d URL] [-n PKG/CLS] [-W] [PACKAGE]} and {@code am force-stop PACKAGE}. */
    private int am(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        if (a.size() >= 3 && a.get(1).equals("force-stop")) {
            if (a.get(2).equals(CHROME)) {
                device.browser.stop();
            }
            return 0;
        }
        if (a.size() < 2 || !a.get(1).equals("start")) {
            err.println("am: the simulated phone supports 'am start' and 'am force-stop'");
            return 1;
        }
        String action = null;
        String data = null;
        String pkg = null;
        List<String> rest = new ArrayList<>();
        for (int i = 2; i < a.size(); i++) {
            switch (a.get(i)) {
                case "-a" -> action = i + 1 < a.size() ? a.get(++i) : null;
                case "-d" -> data = i + 1 < a.size() ? a.get(++i) : null;
                case "-n" -> {
                    String comp = i + 1 < a.size() ? a.get(++i) : "";
                    pkg = comp.contains("/") ? comp.substring(0, comp.indexOf('/')) : comp;
                }
                case "-W", "-S", "--activity-clear-task", "--activity-new-task" -> { }
                case "-f", "-t", "-c", "--user" -> i++;
                default -> rest.add(a.get(i));
            }
        }
        if (pkg == null && !rest.isEmpty()) {
            pkg = rest.get(rest.size() - 1);
        }
        StringBuilder intent = new StringBuilder("Intent { ");
        if (action != null) {
            intent.append("act=").append(action).append(' ');
        }
        if (data != null) {
            intent.append("dat=").append(data).append(' ');
        }
        if (pkg != null) {
            intent.append("pkg=").append(pkg).append(' ');
        }
        intent.append('}');
        out.println("Starting: " + intent);
        boolean browsable = data != null && (data.startsWith("http://") || data.startsWith("https://"));
        if (!browsable || (pkg != null && !pkg.equals(CHROME))) {
            err.println("Error: Activity not started, unable to resolve " + intent);
            return 1;
        }
        if (!device.browser.available()) {
            err.println("Error: Activity not started: the simulated browser needs " + SimulatedBrowser.CHROMIUM
                    + " on this computer (install the Debian package 'chromium')");
            return 1;
        }
        device.wake();
        device.browser.open(data);
        return 0;
    }

    private int settings(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException {
        Set<String> namespaces = Set.of("system", "global", "secure");
        if (a.size() >= 4 && a.get(1).equals("get") && namespaces.contains(a.get(2))) {
            String v = device.setting(a.get(2), a.get(3));
            out.println(v == null ? "null" : v);
            return 0;
        }
        if (a.size() >= 5 && a.get(1).equals("put") && namespaces.contains(a.get(2))) {
            if (a.get(3).equals("screen_brightness")) {
                int b = VirtualDevice.parseIntOr(a.get(4), -1);
                if (b < 0 || b > 255) {
                    err.println("Error: brightness must be 0..255 on this device");
                    return 1;
                }
            }
            device.putSetting(a.get(2), a.get(3), a.get(4));
            device.wake();
            return 0;
        }
        if (a.size() >= 4 && a.get(1).equals("delete") && namespaces.contains(a.get(2))) {
            device.settings.get(a.get(2)).remove(a.get(3));
            out.println("Deleted 1 rows");
            return 0;
        }
        err.println("usage:  settings [--user <USER_ID> | current] get namespace key\n"
                + "        settings [--user <USER_ID> | current] put namespace key value\n"
                + "'namespace' is one of {system, secure, global}, case-insensitive");
        return 255;
    }

    /** {@code svc power stayon [true|false|usb|ac|wireless]}: BatteryManager plug-type bit mask. */
    private int svc(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        if (a.size() >= 4 && a.get(1).equals("power") && a.get(2).equals("stayon")) {
            String v = switch (a.get(3).toLowerCase(Locale.ROOT)) {
                case "true" -> "7";
                case "false" -> "0";
                case "usb" -> "2";
                case "ac" -> "1";
                case "wireless" -> "4";
                default -> null;
            };
            if (v == null) {
                err.println("svc power stayon: expected true|false|usb|ac|wireless");
                return 1;
            }
            device.putSetting("global", "stay_on_while_plugged_in", v);
            return 0;
        }
        err.println("svc: the simulated phone supports 'svc power stayon ...'");
        return 1;
    }

    private int input(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        if (a.size() >= 3 && a.get(1).equals("keyevent")) {
            switch (a.get(2)) {
                case "KEYCODE_WAKEUP", "224" -> device.wake();
                case "KEYCODE_SLEEP", "223" -> device.sleep();
                case "KEYCODE_POWER", "26" -> {
                    if (device.screenOn()) {
                        device.sleep();
                    } else {
                        device.wake();
                    }
                }
                default -> device.wake();
            }
            return 0;
        }
        err.println("input: the simulated phone supports 'input keyevent KEYCODE'");
        return 1;
    }
}
