package org.aodnn.profilinglab.adb.control;

/**
 * Names of device settings in restore records: {@code sysfs:PATH} (written as root) and
 * {@code settings:NAMESPACE:KEY} (Android settings provider).
 */
public final class RestorableSetting {

    public static final String SYSFS = "sysfs:";
    public static final String SETTINGS = "settings:";

    private RestorableSetting() {
    }

    public static String sysfs(String path) {
        return SYSFS + path;
    }

    public static String settings(String namespace, String key) {
        return SETTINGS + namespace + ":" + key;
    }
}
