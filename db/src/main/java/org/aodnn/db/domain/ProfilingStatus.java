package org.aodnn.db.domain;

import java.util.Locale;

/**
 * Where a profiling session stands. A session starts {@link #RUNNING} and ends exactly once in one of
 * the other states; the database stores the lower-case name.
 */
public enum ProfilingStatus {
    RUNNING, COMPLETED, CANCELLED, INTERRUPTED, FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProfilingStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this != RUNNING;
    }
}
