package org.aodnn.profilinglab.adb.run;

import java.time.Duration;

/**
 * How a phone profiling run prepares the phone: the browser package (null = the first known browser
 * installed), screen brightness, whether to measure energy (and so pause charging where possible), the idle
 * baseline duration, and the battery sampling period.
 */
public record PhoneRunOptions(String browserPackage, int brightness, boolean energy, Duration baseline,
                              double samplePeriodSeconds) {

    public static PhoneRunOptions defaults() {
        return new PhoneRunOptions(null, 128, true, Duration.ofSeconds(2), 0.05);
    }

    public PhoneRunOptions withBrowser(String pkg) {
        return new PhoneRunOptions(pkg, brightness, energy, baseline, samplePeriodSeconds);
    }

    public PhoneRunOptions withEnergy(boolean on) {
        return new PhoneRunOptions(browserPackage, brightness, on, baseline, samplePeriodSeconds);
    }

    public PhoneRunOptions withBaseline(Duration d) {
        return new PhoneRunOptions(browserPackage, brightness, energy, d, samplePeriodSeconds);
    }
}
