package org.aodnn.profilinglab.server;

import java.io.UncheckedIOException;
import java.net.BindException;

/** The profiling server's port is taken by another program: an operator's choice, said in words. */
public final class PortInUseException extends UncheckedIOException {

    private final int port;

    public PortInUseException(int port, BindException cause) {
        super("port " + port + " is in use: choose another with --port (0 picks a free one)", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
