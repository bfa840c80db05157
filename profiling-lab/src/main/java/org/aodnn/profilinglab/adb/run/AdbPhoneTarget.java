package org.aodnn.profilinglab.adb.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aodnn.db.Store;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbException;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.adb.energy.ClockOffset;
import org.aodnn.profilinglab.adb.energy.EnergySampler;
import org.aodnn.profilinglab.adb.shell.DeviceCommandException;
import org.aodnn.profilinglab.adb.shell.ShellQuoting;
import org.aodnn.profilinglab.adb.shell.ShellResult;
import org.aodnn.profilinglab.adb.state.BatteryParser;
import org.aodnn.profilinglab.adb.state.BatteryState;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.CurrentConvention;
import org.aodnn.profilinglab.adb.state.DeviceSnapshots;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;
import org.aodnn.profilinglab.target.ProfilingTarget;
import org.aodnn.profilinglab.target.TargetSession;
import org.aodnn.profilinglab.target.TargetUnavailableException;

/**
 * A phone's browser as a profiling target ({@code adb:SERIAL}). Opening it: undo what an earlier crashed run
 * left recorded, keep the screen on at a fixed brightness, pause charging (energy runs, where the phone
 * can), start the battery stream and measure the idle baseline, reverse-forward a phone port to the console's
 * server, and open the page with a VIEW intent in the chosen browser. Closing it stops the browser, removes
 * the forward and puts the phone's settings back. The energy of the run is attributed afterwards by
 * {@link PhoneEnergyRun}.
 */
public final class AdbPhoneTarget implements ProfilingTarget {

    public static final String PREFIX = "adb:";
    private static final long CHARGER_SETTLE_MS = 500;

    private final AdbServerClient server;
    private final String serial;
    private final Store store;
    private final PhoneRunOptions options;
    private DeviceState state;
    private String browser;
    private PhoneSession session;

    public AdbPhoneTarget(AdbServerClient server, String serial, Store store, PhoneRunOptions options) {
        this.server = server;
        this.serial = serial;
        this.store = store;
        this.options = options;
    }

    @Override
    public String name() {
        return PREFIX + serial;
    }

    /** {@code android-<manufacturer>-<model>}: the same phone model shares rows across runs and serials. */
    @Override
    public String platform() {
        if (state == null) {
            return "android-" + slug(serial);
        }
        return "android-" + slug(state.identity().manufacturer() + " " + state.identity().model());
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    public String browserPackage() {
        return browser;
    }

    public DeviceState state() {
        return state;
    }

    @Override
    public void checkAvailable() throws TargetUnavailableException {
        try {
            server.ensureRunning();
            // open() fails, naming the reason, when the server does not list the phone as online
            try (AdbDevice d = AdbDevice.open(server, serial)) {
                state = DeviceStateReader.read(d);
            }
            new DeviceSnapshots(store).store(state);
            List<String> installed = state.browsers().stream().filter(b -> !"WebView".equals(b.family()))
                    .map(b -> b.packageName()).toList();
            if (options.browserPackage() != null) {
                if (!installed.contains(options.browserPackage())) {
                    throw new TargetUnavailableException("browser " + options.browserPackage() + " is not installed on "
                            + serial + " (installed browsers: " + installed + ")");
                }
                browser = options.browserPackage();
            } else if (installed.isEmpty()) {
                throw new TargetUnavailableException("phone " + serial + " has no browser the lab can drive "
                        + "(Chrome, Firefox or Samsung Internet)");
            } else {
                browser = installed.get(0);
            }
        } catch (AdbException | DeviceCommandException e) {
            throw new TargetUnavailableException("phone " + serial + ": " + e.getMessage());
        }
    }

    @Override
    public TargetSession open(URI pageUri) throws TargetUnavailableException {
        if (state == null) {
            checkAvailable();
        }
        AdbDevice device = AdbDevice.open(server, serial);
        String owner = DeviceControl.SESSION_OWNER_PREFIX + ProcessHandle.current().pid() + ":" + System.nanoTime();
        DeviceControl control = new DeviceControl(device, store, owner);
        PhoneSession s = new PhoneSession(server, device, control, browser);
        try {
            // A crashed run may have left the phone pinned or not charging: put that back first.
            control.restoreLeftoversOfSessions();
            control.keepScreenOn(options.brightness());
            if (options.energy()) {
                s.chargingSwitch = control.pauseCharging();
                if (s.chargingSwitch != null) {
                    Thread.sleep(CHARGER_SETTLE_MS); // the charger IC needs a moment before the current reflects it
                }
                s.clock = ClockOffset.estimate(device, 5);
                List<String> freqFiles = new ArrayList<>();
                for (CpuPolicy p : state.policies()) {
                    freqFiles.add(p.sysfsDir() + "/scaling_cur_freq");
                }
                s.sampler = EnergySampler.start(device, freqFiles, options.samplePeriodSeconds());
                long baselineMs = options.baseline().toMillis();
                int expected = (int) Math.max(3, baselineMs / 1000.0 / options.samplePeriodSeconds() / 2);
                s.baselineStartUs = ClockOffset.nowUs();
                Thread.sleep(baselineMs);
                s.sampler.awaitSamples(expected, 10_000);
                s.baselineEndUs = ClockOffset.nowUs();
                // The convention is decided on the baseline readings and the battery state once charging is paused.
                // (the battery alone: the rest of the phone's state was read moments ago)
                BatteryState battery = BatteryParser.parse(device.run("dumpsys battery").requireOk("dumpsys battery"));
                s.convention = CurrentConvention.detect(s.sampler.snapshot().stream()
                        .map(l -> l.currentRaw()).toList(), battery);
                s.chargingWhileMeasuring = battery != null && "charging".equals(battery.status());
            }
            int hostPort = pageUri.getPort();
            int phonePort = phonePortOtherThan(hostPort);
            server.reverse(serial, phonePort, hostPort);
            s.phonePort = phonePort;
            URI phoneUri = new URI(pageUri.getScheme(), pageUri.getUserInfo(), "127.0.0.1", phonePort, pageUri.getPath(),
                    pageUri.getQuery(), pageUri.getFragment());
            String cmd = "am start -a android.intent.action.VIEW -d " + ShellQuoting.quote(phoneUri.toString()) + " "
                    + browser;
            ShellResult r = device.run(cmd);
            if (!r.ok() || r.stdout().contains("Error:") || r.stderr().contains("Error:")) {
                throw new TargetUnavailableException("the phone " + serial + " did not open the page in " + browser
                        + ": " + (r.stderr() + " " + r.stdout()).strip());
            }
            session = s;
            return s;
        } catch (TargetUnavailableException e) {
            s.close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new TargetUnavailableException("interrupted while preparing phone " + serial);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            s.close();
            throw new TargetUnavailableException("cannot prepare phone " + serial + ": " + e.getMessage());
        }
    }

    /**
     * The target for {@code adb:SERIAL} through the adb server at {@code adb} (started if needed): the browser
     * package or null for the phone's first known browser, energy measured.
     */
    public static AdbPhoneTarget forName(String targetName, Store store, String browserPackage,
                                         AdbServerAddress adb) {
        if (!targetName.startsWith(PREFIX) || targetName.length() == PREFIX.length()) {
            throw new IllegalArgumentException("'" + targetName + "' is not adb:SERIAL");
        }
        return new AdbPhoneTarget(new AdbServerClient(adb), targetName.substring(PREFIX.length()), store,
                PhoneRunOptions.defaults().withBrowser(browserPackage));
    }

    /** The session of the last {@link #open} (for the energy attribution after the run). */
    PhoneSession lastSession() {
        return session;
    }

    /**
     * A port for the phone side of the reverse forward. On a real phone any port works; the virtual phone
     * listens on this computer's loopback, so the port must be free here and differ from the console's.
     */
    static int phonePortOtherThan(int hostPort) throws IOException {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != hostPort) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no free loopback port for the phone side of adb reverse");
    }
}
