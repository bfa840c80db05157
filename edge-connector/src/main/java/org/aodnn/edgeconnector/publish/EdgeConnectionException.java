package org.aodnn.edgeconnector.publish;

import java.io.IOException;

/**
 * A request to an edge agent that got no (complete) HTTP answer (refused, timed out, TLS, connection dropped),
 * with a message an operator can act on: which URL and what happened, e.g. "cannot connect to
 * http://10.0.0.5:8787 (connection refused)". The JDK's own exceptions often carry no message at all
 * ({@code ConnectException} caused by a {@code ClosedChannelException}), so the cause is kept only for logs.
 *
 * <p>{@link #mayHaveArrived()} tells a request that never left (no connection) from one whose outcome is
 * unknown: sent, then no answer in time or the connection dropped; an upload of that kind may still be
 * installed by the agent (it may even be queued there), so the publisher checks the node afterwards.
 */
public final class EdgeConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveArrived;

    public EdgeConnectionException(String message, IOException cause) {
        this(message, cause, false);
    }

    public EdgeConnectionException(String message, IOException cause, boolean mayHaveArrived) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    /** True when the request may have reached the agent (its outcome is unknown), false when it never left. */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
