package org.aodnn.profilinglab.adb.state;

import org.aodnn.profilinglab.adb.shell.ShellQuoting;

/**
 * How to run a command as root on a device: adbd itself runs as root ({@code adb root} on userdebug builds),
 * AOSP's {@code su} ({@code su 0 CMD...}), or Magisk/SuperSU's {@code su -c 'CMD'}.
 */
public enum RootAccess {
    ADBD("adbd"), SU_UID("su 0"), SU_C("su -c");

    /** Probe lines: each prints the uid the method gets, or fails. Read with {@link #detect}. */
    public static final String PROBE = ProbeSections.marker("id") + "; id -u; "
            + ProbeSections.marker("su0") + "; su 0 id -u; "
            + ProbeSections.marker("suc") + "; su -c 'id -u'";

    private final String label;

    RootAccess(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The command wrapped so that it runs as root. */
    public String wrap(String command) {
        return switch (this) {
            case ADBD -> command;
            case SU_UID -> "su 0 sh -c " + ShellQuoting.quote(command);
            case SU_C -> "su -c " + ShellQuoting.quote(command);
        };
    }

    /** The first method whose probe section printed uid 0, or null. */
    public static RootAccess detect(java.util.Map<String, String> sections) {
        if (isZero(sections.get("id"))) {
            return ADBD;
        }
        if (isZero(sections.get("su0"))) {
            return SU_UID;
        }
        if (isZero(sections.get("suc"))) {
            return SU_C;
        }
        return null;
    }

    private static boolean isZero(String s) {
        return s != null && s.strip().equals("0");
    }
}
