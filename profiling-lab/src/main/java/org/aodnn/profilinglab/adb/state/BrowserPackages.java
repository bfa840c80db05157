package org.aodnn.profilinglab.adb.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The browsers the lab knows how to drive, found in {@code pm list packages} output ({@code package:NAME}
 * lines), and their versions from {@code dumpsys package NAME | grep versionName}.
 */
public final class BrowserPackages {

    /** Package → family, in the order the lab prefers them. */
    public static final Map<String, String> KNOWN = knownBrowsers();

    private BrowserPackages() {
    }

    private static Map<String, String> knownBrowsers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("com.android.chrome", "Chrome");
        m.put("com.chrome.beta", "Chrome");
        m.put("com.chrome.dev", "Chrome");
        m.put("com.chrome.canary", "Chrome");
        m.put("org.mozilla.firefox", "Firefox");
        m.put("org.mozilla.firefox_beta", "Firefox");
        m.put("org.mozilla.fenix", "Firefox");
        m.put("org.mozilla.focus", "Firefox");
        m.put("com.sec.android.app.sbrowser", "Samsung Internet");
        m.put("com.sec.android.app.sbrowser.beta", "Samsung Internet");
        m.put("com.google.android.webview", "WebView");
        m.put("com.android.webview", "WebView");
        m.put("com.google.android.webview.beta", "WebView");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** All package names in {@code pm list packages} output. */
    public static Set<String> parsePackageList(String output) {
        Set<String> packages = new LinkedHashSet<>();
        String[] lines = output.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("package:")) {
                throw DeviceOutputException.at("pm list packages", i + 1, "expected 'package:NAME' but found '"
                        + GetpropParser.abbreviate(line) + "'");
            }
            String name = line.substring("package:".length());
            // "pm list packages -f" prints package:/path/base.apk=NAME
            int eq = name.lastIndexOf('=');
            packages.add(eq >= 0 ? name.substring(eq + 1) : name);
        }
        return packages;
    }

    /** The known browsers among the installed packages, in preference order. */
    public static List<String> browsersAmong(Set<String> installed) {
        List<String> out = new ArrayList<>();
        for (String p : KNOWN.keySet()) {
            if (installed.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The version from {@code dumpsys package X | grep versionName}. An updated system app prints two lines
     * (the installed update first, then the factory image): the first is the one that runs.
     */
    public static String parseVersionName(String output) {
        for (String line : output.split("\r?\n")) {
            String t = line.trim();
            if (t.startsWith("versionName=")) {
                String v = t.substring("versionName=".length()).trim();
                return v.isEmpty() || v.equals("null") ? null : v;
            }
        }
        return null;
    }

    public static BrowserInfo info(String packageName, String versionName) {
        return new BrowserInfo(packageName, KNOWN.getOrDefault(packageName, "Other"), versionName);
    }
}
