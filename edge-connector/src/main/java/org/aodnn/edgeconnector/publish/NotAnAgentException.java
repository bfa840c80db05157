package org.aodnn.edgeconnector.publish;

import java.io.IOException;

/**
 * Something answered at a node's URL, but not as an edge agent does (a web server's page, an answer larger
 * than any agent's, a malformed document). Not retried: asking again gets the same answer.
 */
public final class NotAnAgentException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotAnAgentException(String message) {
        super(message);
    }
}
