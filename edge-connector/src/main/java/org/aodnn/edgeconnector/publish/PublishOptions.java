package org.aodnn.edgeconnector.publish;

import java.time.Duration;

/**
 * Timing of a publication: each HTTP call to a node has {@code timeout}; a transport failure or a 5xx
 * answer is retried up to {@code attempts} times in all, waiting {@code backoff}, then twice that, and so
 * on; at most {@code concurrency} nodes are contacted at once.
 */
public record PublishOptions(Duration timeout, int attempts, Duration backoff, int concurrency) {

    public static final PublishOptions DEFAULT = new PublishOptions(Duration.ofSeconds(5), 3,
            Duration.ofMillis(250), 32);

    public PublishOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the per-node timeout must be positive");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt} (2, 3, ...): backoff·2^(attempt−2). */
    public Duration backoffBefore(int attempt) {
        return backoff.multipliedBy(1L << Math.min(20, attempt - 2));
    }
}
