package org.aodnn.profilinglab.protocol;

/** The browser describing itself before it measures anything. */
public record HelloMessage(String browser, String userAgent, int hardwareConcurrency, boolean crossOriginIsolated,
                           double timerResolutionMs, String tfjsVersion) implements PageMessage {

    @Override
    public void validate() {
        PageMessages.checkText(browser, "browser", 200);
        PageMessages.checkText(userAgent, "userAgent", 1000);
        PageMessages.check(hardwareConcurrency >= 1 && hardwareConcurrency <= 1024,
                "hardwareConcurrency must be 1..1024, not " + hardwareConcurrency);
        PageMessages.checkFinite(timerResolutionMs, "timerResolutionMs");
        PageMessages.check(timerResolutionMs > 0 && timerResolutionMs <= 100,
                "timerResolutionMs must be in (0, 100], not " + timerResolutionMs);
        PageMessages.checkText(tfjsVersion, "tfjsVersion", 40);
    }
}
