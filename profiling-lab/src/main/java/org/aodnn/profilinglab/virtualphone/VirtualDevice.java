package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One coherent simulated phone: an 8-core big.LITTLE SoC (4× Cortex-A55, 3× Cortex-A78, 1× Cortex-X1) with
 * cpufreq policies, a battery and thermal zones driven by {@link PowerModel}, a screen with a timeout, Android
 * settings (kept in the state directory like the settings database), installed packages, and a browser played
 * by this computer's Chromium. Its properties say it is simulated ({@code ro.aodnn.simulated=1}, the model
 * name "AoDNN Virtual Phone (simulated)"). sysfs changes last until the phone restarts, as on hardware.
 */
final class VirtualDevice {

    static final String MODEL = "AoDNN Virtual Phone (simulated)";
    static final String BATTERY = "/sys/class/power_supply/battery";
    static final String CPUFREQ = "/sys/devices/system/cpu/cpufreq";

    final String serialNo;
    final boolean rooted;
    final Path stateDir;
    final VirtualFileSystem fs;
    final List<SimCpuPolicy> policies;
    final PowerModel power;
    final HostLoadMonitor load = new HostLoadMonitor();
    final SimulatedBrowser browser;
    final Map<String, String> props = new TreeMap<>();
    final Map<String, Map<String, String>> settings = new ConcurrentHashMap<>();
    final long bootNanos = System.nanoTime();
    volatile boolean chargingSuspended;
    volatile boolean usbPowered = true;
    private volatile boolean awake = true;
    private volatile long lastActivityNanos = System.nanoTime();

    VirtualDevice(String serialNo, boolean rooted, Path stateDir, String chromium) throws IOException {
        this.serialNo = serialNo;
        this.rooted = rooted;
        this.stateDir = stateDir;
        Files.createDirectories(stateDir);
        this.fs = new VirtualFileSystem(stateDir.resolve("storage"));
        this.policies = List.of(
                new SimCpuPolicy(0, List.of(0, 1, 2, 3), khz(300000, 576000, 768000, 1017600, 1248000, 1324800,
                        1516800, 1612800, 1708800, 1804800), "Cortex-A55", "0xd05", 60),
                new SimCpuPolicy(4, List.of(4, 5, 6), khz(710400, 844800, 960000, 1075200, 1209600, 1324800,
                        1440000, 1555200, 1670400, 1766400, 1881600, 1996800, 2112000, 2227200, 2342400, 2419200),
                        "Cortex-A78", "0xd41", 450),
                new SimCpuPolicy(7, List.of(7), khz(844800, 960000, 1075200, 1190400, 1305600, 1420800, 1555200,
                        1670400, 1785600, 1900800, 2035200, 2150400, 2265600, 2380800, 2496000, 2592000, 2688000,
                        2764800, 2841600), "Cortex-X1", "0xd44", 1100));
        this.power = new PowerModel(policies);
        this.browser = new SimulatedBrowser(stateDir.resolve("browser"), load, chromium);
        Files.createDirectories(stateDir.resolve("browser"));
        initProps();
        loadSettings();
        registerFiles();
    }

    private static List<Long> khz(long... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private void initProps() {
        props.put("ro.aodnn.simulated", "1");
        props.put("ro.adb.secure", "0");
        props.put("ro.secure", "1");
        props.put("ro.debuggable", "1");
        props.put("ro.board.platform", "vsoc8");
        props.put("ro.boot.hardware", "vphone");
        props.put("ro.build.type", "userdebug");
        props.put("ro.build.tags", "test-keys");
        props.put("ro.build.version.release", "14");
        props.put("ro.build.version.release_or_codename", "14");
        props.put("ro.build.version.sdk", "34");
        props.put("ro.build.fingerprint", "aodnn/vphone/vphone:14/AODNN.SIM.1/1:userdebug/test-keys");
        props.put("ro.build.description", "vphone-userdebug 14 AODNN.SIM.1 1 test-keys (simulated device)");
        props.put("ro.hardware", "vphone");
        props.put("ro.product.board", "vphone");
        props.put("ro.product.brand", "aodnn");
        props.put("ro.product.cpu.abi", "arm64-v8a");
        props.put("ro.product.cpu.abilist", "arm64-v8a");
        props.put("ro.product.cpu.abilist64", "arm64-v8a");
        props.put("ro.product.device", "vphone");
        props.put("ro.product.manufacturer", "AoDNN");
        props.put("ro.product.model", MODEL);
        props.put("ro.product.name", "aodnn_vphone");
        props.put("ro.serialno", serialNo);
        props.put("ro.soc.manufacturer", "AoDNN");
        props.put("ro.soc.model", "VSoC-8 (simulated)");
        props.put("sys.boot_completed", "1");
        props.put("init.svc.adbd", "running");
        props.put("persist.sys.timezone", "UTC");
    }

    // ---- settings (persisted like Android's settings provider) ----

    private Path settingsFile() {
        return stateDir.resolve("settings.properties");
    }

    private void loadSettings() throws IOException {
        settings.put("system", new ConcurrentHashMap<>(Map.of("screen_brightness", "102",
                "screen_brightness_mode", "1", "screen_off_timeout", "30000")));
        settings.put("global", new ConcurrentHashMap<>(Map.of("stay_on_while_plugged_in", "0",
                "adb_enabled", "1")));
        settings.put("secure", new ConcurrentHashMap<>());
        if (Files.exists(settingsFile())) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(settingsFile())) {
                p.load(r);
            }
            for (String k : p.stringPropertyNames()) {
                int dot = k.indexOf('.');
                if (dot > 0 && settings.containsKey(k.substring(0, dot))) {
                    settings.get(k.substring(0, dot)).put(k.substring(dot + 1), p.getProperty(k));
                }
            }
        }
    }

    synchronized void putSetting(String namespace, String key, String value) throws IOException {
        settings.get(namespace).put(key, value);
        Properties p = new Properties();
        settings.forEach((ns, m) -> m.forEach((k, v) -> p.setProperty(ns + "." + k, v)));
        try (Writer w = Files.newBufferedWriter(settingsFile())) {
            p.store(w, "AoDNN virtual phone settings (simulated device)");
        }
    }

    String setting(String namespace, String key) {
        Map<String, String> m = settings.get(namespace);
        return m == null ? null : m.get(key);
    }

    int brightness() {
        try {
            return Integer.parseInt(setting("system", "screen_brightness"));
        } catch (RuntimeException e) {
            return 102;
        }
    }

    // ---- screen ----

    /** The display is on while awake and either kept on (stay-on while plugged) or within the timeout. */
    boolean screenOn() {
        if (!awake) {
            return false;
        }
        int stayOn = parseIntOr(setting("global", "stay_on_while_plugged_in"), 0);
        boolean keptOn = usbPowered && (stayOn & 2) != 0;
        long timeoutMs = parseIntOr(setting("system", "screen_off_timeout"), 30000);
        if (!keptOn && (System.nanoTime() - lastActivityNanos) / 1_000_000 > timeoutMs) {
            awake = false;
        }
        return awake;
    }

    void wake() {
        awake = true;
        lastActivityNanos = System.nanoTime();
    }

    void sleep() {
        awake = false;
    }

    static int parseIntOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- simulation step ----

    /** Spreads the measured browser load over the clusters (main thread on the prime core) and updates power. */
    void tick() {
        double busy = load.sampleBusyCores();
        SimCpuPolicy little = policies.get(0);
        SimCpuPolicy big = policies.get(1);
        SimCpuPolicy prime = policies.get(2);
        prime.setUtilization(Math.min(1, busy));
        big.setUtilization(Math.min(1, Math.max(0, busy - 1) / big.cpus.size()));
        little.setUtilization(0.06 + Math.min(0.94, Math.max(0, busy - 1 - big.cpus.size()) / little.cpus.size()));
        power.update(screenOn(), brightness(), usbPowered, chargingSuspended);
    }

    /** current_now in µA with Android's sign convention (negative while discharging), as Pixel kernels report. */
    long currentNowUa() {
        return Math.round(-power.dischargeMa() * 1000);
    }

    String batteryStatusText() {
        if (usbPowered && !chargingSuspended) {
            return power.levelPercent() >= 100 ? "Full" : "Charging";
        }
        return usbPowered ? "Not charging" : "Discharging";
    }

    int batteryStatusCode() {
        return switch (batteryStatusText()) {
            case "Charging" -> 2;
            case "Discharging" -> 3;
            case "Not charging" -> 4;
            default -> 5;
        };
    }

    // ---- files ----

    private void registerFiles() {
        fs.register("/proc/cpuinfo", SimFile.readOnly(this::cpuinfo));
        fs.register("/proc/uptime", SimFile.readOnly(() -> {
            double up = (System.nanoTime() - bootNanos) / 1e9;
            return String.format(Locale.ROOT, "%.2f %.2f", up, up * 6.5);
        }));
        fs.register("/proc/version", SimFile.readOnly(() ->
                "Linux version 5.10.0-aodnn-simulated (aodnn@virtual-phone) #1 SMP PREEMPT"));
        fs.register("/sys/devices/system/cpu/online", SimFile.readOnly(() -> "0-7"));
        fs.register("/sys/devices/system/cpu/possible", SimFile.readOnly(() -> "0-7"));
        for (SimCpuPolicy p : policies) {
            String d = CPUFREQ + "/policy" + p.id + "/";
            fs.register(d + "affected_cpus", SimFile.readOnly(p::cpuList));
            fs.register(d + "related_cpus", SimFile.readOnly(p::cpuList));
            fs.register(d + "cpuinfo_min_freq", SimFile.readOnly(() -> String.valueOf(p.hwMin())));
            fs.register(d + "cpuinfo_max_freq", SimFile.readOnly(() -> String.valueOf(p.hwMax())));
            fs.register(d + "cpuinfo_cur_freq", SimFile.rootReadable(() -> String.valueOf(p.curKhz())));
            fs.register(d + "cpuinfo_transition_latency", SimFile.readOnly(() -> "0"));
            fs.register(d + "scaling_available_frequencies", SimFile.readOnly(p::tableText));
            fs.register(d + "scaling_available_governors", SimFile.readOnly(() -> String.join(" ", SimCpuPolicy.GOVERNORS)));
            fs.register(d + "scaling_driver", SimFile.readOnly(() -> "vsoc-cpufreq-simulated"));
            fs.register(d + "scaling_cur_freq", SimFile.readOnly(() -> String.valueOf(p.curKhz())));
            fs.register(d + "scaling_governor", SimFile.attribute(p::governor, p::writeGovernor));
            fs.register(d + "scaling_min_freq", SimFile.attribute(() -> String.valueOf(p.minKhz()), p::writeMin));
            fs.register(d + "scaling_max_freq", SimFile.attribute(() -> String.valueOf(p.maxKhz()), p::writeMax));
            fs.register(d + "scaling_setspeed", SimFile.attribute(p::readSetspeed, p::writeSetspeed));
        }
        fs.register(BATTERY + "/capacity", SimFile.readOnly(() -> String.valueOf(power.levelPercent())));
        fs.register(BATTERY + "/status", SimFile.readOnly(this::batteryStatusText));
        fs.register(BATTERY + "/current_now", SimFile.readOnly(() -> String.valueOf(currentNowUa())));
        fs.register(BATTERY + "/voltage_now", SimFile.readOnly(() -> String.valueOf(Math.round(power.voltageMv() * 1000))));
        fs.register(BATTERY + "/temp", SimFile.readOnly(() -> String.valueOf(Math.round(power.temperatureC() * 10))));
        fs.register(BATTERY + "/charge_counter", SimFile.readOnly(() -> String.valueOf(power.chargeCounterUah())));
        fs.register(BATTERY + "/technology", SimFile.readOnly(() -> "Li-ion (simulated)"));
        fs.register(BATTERY + "/present", SimFile.readOnly(() -> "1"));
        fs.register(BATTERY + "/health", SimFile.readOnly(() -> "Good"));
        fs.register(BATTERY + "/input_suspend", SimFile.attribute(() -> chargingSuspended ? "1" : "0", v -> {
            if (!v.equals("0") && !v.equals("1")) {
                throw new FsException(FsException.EINVAL);
            }
            chargingSuspended = v.equals("1");
            power.update(screenOn(), brightness(), usbPowered, chargingSuspended);
        }));
        fs.register("/sys/class/power_supply/usb/online", SimFile.readOnly(() -> usbPowered ? "1" : "0"));
        Map<String, java.util.function.Supplier<Double>> zones = new LinkedHashMap<>();
        zones.put("cpu-prime-simulated", () -> power.temperatureC() + 6 * policies.get(2).utilization());
        zones.put("cpu-big-simulated", () -> power.temperatureC() + 3 * policies.get(1).utilization());
        zones.put("cpu-little-simulated", () -> power.temperatureC() + 1);
        zones.put("battery-simulated", power::temperatureC);
        zones.put("skin-simulated", () -> power.temperatureC() - 3);
        int i = 0;
        for (var z : zones.entrySet()) {
            String d = "/sys/class/thermal/thermal_zone" + i++ + "/";
            fs.register(d + "type", SimFile.readOnly(z::getKey));
            fs.register(d + "temp", SimFile.readOnly(() -> String.valueOf(Math.round(z.getValue().get() * 1000))));
        }
    }

    private String cpuinfo() {
        StringBuilder b = new StringBuilder();
        for (SimCpuPolicy p : policies) {
            for (int cpu : p.cpus) {
                b.append("processor\t: ").append(cpu).append('\n')
                        .append("BogoMIPS\t: 38.40\n")
                        .append("Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid "
                                + "asimdrdm lrcpc dcpop asimddp\n")
                        .append("CPU implementer\t: 0x41\n")
                        .append("CPU architecture: 8\n")
                        .append("CPU variant\t: 0x1\n")
                        .append("CPU part\t: ").append(p.part).append('\n')
                        .append("CPU revision\t: 0\n\n");
            }
        }
        return b.toString();
    }

    private SimShell shell;

    /** The device's shell with all its commands (stateless: one instance serves every stream). */
    synchronized SimShell shell() {
        if (shell == null) {
            Map<String, ShellProgram> programs = new HashMap<>();
            shell = new SimShell(programs, fs);
            ToyboxPrograms.register(programs, fs, shell, rooted);
            AndroidPrograms.register(programs, this);
        }
        return shell;
    }

    /** Undoes what lasts only until a reboot, and stops the browser. */
    void shutdown() {
        browser.stop();
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/product/bin:/apex/com.android.runtime/bin:/system/bin:/system/xbin");
        env.put("HOME", "/");
        env.put("ANDROID_SERIAL", serialNo);
        return env;
    }
}
