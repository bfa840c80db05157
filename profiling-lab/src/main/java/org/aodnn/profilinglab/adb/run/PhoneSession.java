package org.aodnn.profilinglab.adb.run;

import java.io.IOException;
import java.util.OptionalLong;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.adb.energy.ClockOffset;
import org.aodnn.profilinglab.adb.energy.EnergySampler;
import org.aodnn.profilinglab.adb.state.CurrentConvention;
import org.aodnn.profilinglab.target.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page open in a phone's browser. It is alive while the adb server lists the phone online (checked at
 * most once a second); closing stops the browser and the battery stream, removes the reverse forward and
 * restores the settings this run changed — each step tolerating a phone that has vanished (its restore
 * records then stay in the database for the next start or {@code device reset}).
 */
final class PhoneSession implements TargetSession {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneSession.class);

    private final AdbServerClient server;
    private final AdbDevice device;
    private final DeviceControl control;
    private final String browser;
    EnergySampler sampler;
    ClockOffset clock;
    CurrentConvention convention;
    String chargingSwitch;
    boolean chargingWhileMeasuring;
    long baselineStartUs;
    long baselineEndUs;
    int phonePort = -1;
    private volatile boolean gone;
    private long lastCheckNanos;
    private boolean lastAlive = true;
    private String problem = "";
    private boolean closed;
    /** Set by {@link PhoneEnergyRun} once this run's energy is stored (it runs once per session). */
    PhoneEnergyRun.Result energyResult;

    PhoneSession(AdbServerClient server, AdbDevice device, DeviceControl control, String browser) {
        this.server = server;
        this.device = device;
        this.control = control;
        this.browser = browser;
    }

    String serial() {
        return device.serial();
    }

    @Override
    public synchronized boolean isAlive() {
        if (gone) {
            return false;
        }
        long now = System.nanoTime();
        if (now - lastCheckNanos < 1_000_000_000L) {
            return lastAlive;
        }
        lastCheckNanos = now;
        try {
            lastAlive = server.devices().stream().anyMatch(d -> d.serial().equals(device.serial()) && d.usable());
        } catch (IOException | RuntimeException e) {
            lastAlive = false;
        }
        if (!lastAlive) {
            gone = true;
            problem = "phone " + device.serial() + " is no longer online at the adb server";
        }
        return lastAlive;
    }

    @Override
    public String describe() {
        return "phone " + device.serial() + " (" + browser + ")";
    }

    @Override
    public OptionalLong processId() {
        return OptionalLong.empty();
    }

    @Override
    public String diagnostics() {
        String s = problem;
        if (sampler != null && sampler.problem() != null) {
            s = (s.isEmpty() ? "" : s + "; ") + sampler.problem();
        }
        return s;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sampler != null) {
            if (!gone && clock != null) {
                try {
                    sampler.awaitSampleAfter(clock.toDeviceUs(ClockOffset.nowUs()), 2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sampler.close();
        }
        step("stop the browser", () -> device.run("am force-stop " + browser));
        if (phonePort > 0) {
            step("remove the reverse forward", () -> {
                try {
                    server.removeReverse(device.serial(), phonePort);
                } catch (IOException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        }
        step("restore the phone's settings", control::restoreOwned);
        device.close();
    }

    private void step(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("could not {} on {}: {}", what, device.serial(), e.getMessage());
        }
    }
}
