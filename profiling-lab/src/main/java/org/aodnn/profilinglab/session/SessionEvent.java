package org.aodnn.profilinglab.session;

import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.protocol.BackendMessage;
import org.aodnn.profilinglab.protocol.HelloMessage;

/** What the server thread hands to the session's thread, after storing it. */
sealed interface SessionEvent {

    record Environment(HelloMessage hello) implements SessionEvent {
    }

    record BackendStarted(BackendMessage backend) implements SessionEvent {
    }

    record Throughput(double megabytesPerSecond) implements SessionEvent {
    }

    record Measured(LayerMeasurement row, JobLayer layer) implements SessionEvent {
    }

    record Skipped(LayerSkip skip, JobLayer layer) implements SessionEvent {
    }

    record Finished() implements SessionEvent {
    }

    record PageFailed(String message) implements SessionEvent {
    }
}
