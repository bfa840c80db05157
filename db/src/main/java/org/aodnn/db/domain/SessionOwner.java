package org.aodnn.db.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

/**
 * The console process running a profiling session: its computer's host name, its pid and when the process
 * started. The start instant tells a live process from a later one that got the same pid; the host tells
 * whether the process can be checked here at all. {@code startedAt} is null where the system does not say.
 */
public record SessionOwner(String host, long pid, Instant startedAt) {

    /**
     * How far two readings of one process's start instant may differ: Linux derives it from clock ticks since
     * boot, and the database keeps microseconds.
     */
    static final Duration SAME_START = Duration.ofSeconds(1);

    /** This process. */
    public static SessionOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new SessionOwner(thisHost(), self.pid(), self.info().startInstant().orElse(null));
    }

    /** The name of this computer, as the owner of a session records it. */
    public static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // a computer whose own name does not resolve still has one
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    /**
     * Whether this owner is a process alive now on this computer: the pid exists and, where both start instants
     * are known, it started when the owner did (otherwise the pid was reused by a later process).
     */
    public boolean isAliveHere() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> {
            Instant now = p.info().startInstant().orElse(null);
            return startedAt == null || now == null || Duration.between(startedAt, now).abs().compareTo(SAME_START) <= 0;
        }).orElse(false);
    }

    /** "pid 123 on host h". */
    public String describe() {
        return "pid " + pid + " on " + host;
    }
}
