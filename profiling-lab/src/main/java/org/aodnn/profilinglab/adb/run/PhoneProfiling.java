package org.aodnn.profilinglab.adb.run;

import org.aodnn.db.Store;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.profilinglab.session.ProfilingListener;
import org.aodnn.profilinglab.session.ProfilingRequest;
import org.aodnn.profilinglab.session.ProfilingSessionTask;
import org.aodnn.profilinglab.session.SessionOutcome;

/**
 * A whole phone profiling run: the same session as on the local target (page, job, server, storage), then
 * the energy attribution — also when the session ended interrupted (the phone vanished) or cancelled, for
 * the layers measured until then.
 */
public final class PhoneProfiling {

    /** The session's outcome and the energy found (null when the session never started). */
    public record Outcome(SessionOutcome session, PhoneEnergyRun.Result energy) {
    }

    private final ProfilingSessionTask task;
    private final AdbPhoneTarget target;
    private final Store store;

    public PhoneProfiling(Store store, AdbPhoneTarget target, ProfilingRequest request, ProfilingListener listener) {
        this.store = store;
        this.target = target;
        this.task = new ProfilingSessionTask(store, target, request, listener);
    }

    /** The underlying task, e.g. to cancel it. */
    public ProfilingSessionTask task() {
        return task;
    }

    public Outcome run(ProgressListener progress) throws Exception {
        SessionOutcome outcome = null;
        try {
            outcome = task.run(progress);
        } finally {
            if (task.sessionId() != null) {
                try {
                    lastEnergy = PhoneEnergyRun.finish(store, target, task.sessionId());
                } catch (RuntimeException e) {
                    // The session's own result matters more; the samples may be incomplete.
                    org.slf4j.LoggerFactory.getLogger(PhoneProfiling.class)
                            .warn("energy attribution of session {} failed: {}", task.sessionId(), e.getMessage());
                }
            }
        }
        return new Outcome(outcome, lastEnergy);
    }

    private PhoneEnergyRun.Result lastEnergy;

    /** The energy result of the last run, also available after {@link #run} threw (cancelled). */
    public PhoneEnergyRun.Result energy() {
        return lastEnergy;
    }
}
