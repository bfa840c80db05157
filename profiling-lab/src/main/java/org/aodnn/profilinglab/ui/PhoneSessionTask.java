package org.aodnn.profilinglab.ui;

import org.aodnn.db.Store;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.run.PhoneEnergyRun;
import org.aodnn.profilinglab.adb.run.PhoneProfiling;
import org.aodnn.profilinglab.session.ProfilingListener;
import org.aodnn.profilinglab.session.ProfilingRequest;
import org.aodnn.profilinglab.session.ProfilingSessionTask;
import org.aodnn.profilinglab.session.SessionOutcome;

/**
 * A phone session as one background task: the profiling session, then the energy attribution of its layers
 * (also after a cancel or an interruption, for the layers measured until then). Energy comes after the last
 * row, so the rows the listener hears have none yet: the workspace reloads them from the database at the end.
 */
final class PhoneSessionTask extends BackgroundTask<SessionOutcome> {

    private final PhoneProfiling profiling;

    PhoneSessionTask(Store store, AdbPhoneTarget target, ProfilingRequest request, ProfilingListener listener) {
        this(new PhoneProfiling(store, target, request, listener));
    }

    private PhoneSessionTask(PhoneProfiling profiling) {
        super(profiling.task().title());
        this.profiling = profiling;
    }

    /** The stored session's id once it exists (null before). */
    Long sessionId() {
        return profiling.task().sessionId();
    }

    /** What the energy attribution found (null before the session ended, or when it never started). */
    PhoneEnergyRun.Result energy() {
        return profiling.energy();
    }

    @Override
    protected SessionOutcome call() throws Exception {
        return profiling.run(new ProgressListener() {
            @Override
            public void progress(double workDone, double totalWork) {
                updateProgress(workDone, totalWork);
            }

            @Override
            public void message(String message) {
                updateMessage(message);
            }
        }).session();
    }

    @Override
    protected void onCancel() {
        profiling.task().cancel();
    }
}
