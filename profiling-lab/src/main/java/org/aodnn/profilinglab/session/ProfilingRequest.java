package org.aodnn.profilinglab.session;

import java.time.Duration;
import java.util.List;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingSettings;

/**
 * A profiling session to run: which layers of which models, how to time them, the server port (0 for a
 * free one) and how long the page may stay silent before the session counts as interrupted (the page
 * cannot speak while it times one layer, so this must exceed the slowest layer's warm-up plus runs).
 */
public record ProfilingRequest(List<ModelSelection> models, ProfilingSettings settings, int port,
                               Duration silenceTimeout) {

    public static final Duration DEFAULT_SILENCE_TIMEOUT = Duration.ofMinutes(5);

    public ProfilingRequest {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("choose at least one model to profile");
        }
        if (settings == null) {
            throw new IllegalArgumentException("profiling settings are needed");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        silenceTimeout = silenceTimeout == null ? DEFAULT_SILENCE_TIMEOUT : silenceTimeout;
        if (silenceTimeout.isNegative() || silenceTimeout.isZero()) {
            throw new IllegalArgumentException("the silence timeout must be positive");
        }
    }

    public ProfilingRequest(List<ModelSelection> models, ProfilingSettings settings) {
        this(models, settings, 0, DEFAULT_SILENCE_TIMEOUT);
    }
}
