package org.aodnn.profilinglab.adb.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the screen state from {@code dumpsys power} (or its {@code grep}ped lines). Android 5+ prints
 * {@code mWakefulness=Awake}; Android 4.x printed {@code mScreenOn=true}; the display power line
 * {@code Display Power: state=ON} is authoritative when present (a dozing phone is "Dozing" yet its display
 * may be in DOZE).
 */
public final class ScreenStateParser {

    /** The lines of {@code dumpsys power} this parser reads, on every Android version (4.x prints only mScreenOn). */
    public static final String COMMAND = "dumpsys power | grep -E 'mWakefulness=|Display Power: state=|mScreenOn='";

    private static final Pattern WAKEFULNESS = Pattern.compile("mWakefulness=(\\w+)");
    private static final Pattern DISPLAY = Pattern.compile("Display Power: state=(\\w+)");
    private static final Pattern SCREEN_ON = Pattern.compile("mScreenOn=(true|false)");

    private ScreenStateParser() {
    }

    public static ScreenState parse(String output) {
        String wakefulness = find(WAKEFULNESS, output);
        String display = find(DISPLAY, output);
        String legacy = find(SCREEN_ON, output);
        Boolean on = null;
        if (display != null) {
            on = display.equals("ON");
        } else if (wakefulness != null) {
            on = wakefulness.equals("Awake");
        } else if (legacy != null) {
            on = Boolean.valueOf(legacy);
        }
        return new ScreenState(on, wakefulness, display);
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
