package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the service a host OPENs (AOSP {@code SERVICES.TXT}): {@code shell:}, {@code shell,v2,...:},
 * {@code exec:}, {@code sync:}, {@code reverse:...}, {@code tcp:PORT}. Each stream gets its own thread; an unknown
 * service is refused with CLSE, as adbd does.
 */
final class ServiceRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRouter.class);

    private final VirtualDevice device;
    private final ReverseForwards reverse;
    private final ExecutorService threads;
    private AdbdConnection connection;

    ServiceRouter(VirtualDevice device, ReverseForwards reverse, ExecutorService threads) {
        this.device = device;
        this.reverse = reverse;
        this.threads = threads;
    }

    void bind(AdbdConnection c) {
        this.connection = c;
    }

    void open(String destination, AdbdStream stream) throws IOException {
        Runnable service;
        if (destination.startsWith("shell") || destination.startsWith("exec:")) {
            service = () -> new ShellService(device, stream).run(destination);
        } else if (destination.equals("sync:")) {
            service = () -> new SyncService(device.fs, stream).run();
        } else if (destination.startsWith("reverse:")) {
            service = () -> reverse.handle(destination.substring("reverse:".length()), stream, connection);
        } else if (destination.startsWith("tcp:")) {
            service = () -> reverse.forwardToLocalPort(destination, stream);
        } else {
            LOG.debug("refusing unknown service {}", destination);
            connection.refuse(stream);
            return;
        }
        connection.accept(stream);
        threads.submit(() -> {
            try {
                service.run();
            } catch (RuntimeException e) {
                LOG.warn("service {} failed: {}", destination, e.toString());
            } finally {
                stream.close();
            }
        });
    }
}
