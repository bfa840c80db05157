package org.aodnn.edgeconnector.publish;

import java.io.IOException;

/**
 * A request to an edge agent that got no HTTP answer (refused, timed out, TLS, connection dropped), with a
 * message an operator can act on: which URL and what happened, e.g. "cannot connect to http://10.0.0.5:8787
 * (connection refused)". The JDK's own exceptions often carry no message at all ({@code ConnectException}
 * caused by a {@code ClosedChannelException}), so the cause is kept only for logs.
 */
public final class EdgeConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    public EdgeConnectionException(String message, IOException cause) {
        super(message, cause);
    }
}
