package org.aodnn.profilinglab.session;

import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.job.ProfilingJob;
import org.aodnn.profilinglab.protocol.BackendMessage;
import org.aodnn.profilinglab.protocol.HelloMessage;
import org.aodnn.profilinglab.target.TargetSession;

/**
 * Live news of a profiling session, for a table that fills as results arrive. Called on the session's
 * own (background) thread, in order, after the row is stored; a UI hops to its thread itself (for
 * example with {@code TaskExecutor.runOnUiThread}). Every method does nothing by default.
 */
public interface ProfilingListener {

    ProfilingListener NONE = new ProfilingListener() {
    };

    /** The session row exists; {@code job} lists the layers in the order the page times them. */
    default void sessionStarted(long sessionId, ProfilingJob job) {
    }

    default void targetStarted(TargetSession browser) {
    }

    default void environment(HelloMessage hello) {
    }

    default void backendStarted(BackendMessage backend) {
    }

    default void throughput(double megabytesPerSecond) {
    }

    default void layerMeasured(LayerMeasurement row, JobLayer layer) {
    }

    default void layerSkipped(LayerSkip skip) {
    }
}
