package org.aodnn.db.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a command that must finish what it started (a publish rolls back the
 * nodes it updated and records every outcome): the first signal only asks the command to stop
 * ({@link #requested()}), and the JVM is NOT shut down, so the database is still open when the outcome is
 * recorded. A JVM shutdown hook would not do: H2 closes the database in its own shutdown hook, which runs
 * at the same time, and the Store cannot open the file with {@code DB_CLOSE_ON_EXIT=FALSE} (H2 refuses it
 * together with {@code AUTO_SERVER}). A second signal restores the JVM's handlers and raises it again: the
 * operator insists, the process ends at once (exit 130 for SIGINT).
 */
public final class InterruptSignals implements AutoCloseable {

    private static final String[] SIGNALS = {"INT", "TERM"};

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final Runnable onFirst;

    private InterruptSignals(Runnable onFirst) {
        this.onFirst = onFirst;
    }

    /**
     * Takes over SIGINT and SIGTERM until {@link #close()}; {@code onFirst} runs (on the JVM's signal thread)
     * when the first one arrives. A JVM started with {@code -Xrs}, or a signal the OS already ignores for this
     * process, keeps its old behaviour.
     */
    public static InterruptSignals install(Runnable onFirst) {
        InterruptSignals signals = new InterruptSignals(onFirst);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, signals::handle));
            } catch (IllegalArgumentException e) {
                // not available here (-Xrs, or used by the VM): that signal keeps its default behaviour
            }
        }
        return signals;
    }

    private void handle(Signal signal) {
        if (received.compareAndSet(null, "SIG" + signal.getName())) {
            onFirst.run();
            return;
        }
        close();
        Signal.raise(signal); // the second one: as if we were not here
    }

    /** Whether a signal asked the command to stop. */
    public boolean requested() {
        return received.get() != null;
    }

    /** The signal that asked to stop ("SIGINT"), or null. */
    public String signal() {
        return received.get();
    }

    @Override
    public synchronized void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        });
        previous.clear();
    }
}
