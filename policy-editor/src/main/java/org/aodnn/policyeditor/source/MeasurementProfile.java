package org.aodnn.policyeditor.source;

/**
 * A set of stored layer measurements taken under the same conditions: platform, target, backend, browser
 * and threads (backend and browser empty where they do not apply), for example
 * {@code edge-server/gpu/0} or {@code reference-browser/browser/wasm/1}.
 */
public record MeasurementProfile(String platform, String target, String backend, String browser, int threads)
        implements LayerSource {

    public MeasurementProfile {
        if (platform == null || platform.isBlank() || target == null || target.isBlank()) {
            throw new IllegalArgumentException("a measurement profile needs a platform and a target");
        }
        backend = backend == null ? "" : backend;
        browser = browser == null ? "" : browser;
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
    }

    /** {@code platform/target[/backend]/threads}, plus the browser in brackets when there is one. */
    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(platform).append('/').append(target);
        if (!backend.isEmpty()) {
            s.append('/').append(backend);
        }
        s.append('/').append(threads);
        if (!browser.isEmpty()) {
            s.append(" [").append(browser).append(']');
        }
        return s.toString();
    }
}
