package org.aodnn.profilinglab.adb.state;

/** An installed browser (or the system WebView): its package, family, and {@code versionName} (null if unknown). */
public record BrowserInfo(String packageName, String family, String version) {
}
