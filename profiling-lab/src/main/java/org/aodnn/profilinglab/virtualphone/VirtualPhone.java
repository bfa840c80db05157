package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Android phone reachable like a phone with ADB over Wi-Fi: it listens on a loopback TCP port and
 * speaks adbd's side of the ADB protocol, so the real adb server accepts it with
 * {@code adb connect 127.0.0.1:PORT} (its serial is then {@code 127.0.0.1:PORT}). It keeps its files and
 * settings in its own state directory and never touches the console's database.
 */
public final class VirtualPhone implements AutoCloseable {

    /** What the phone tells the host about itself in CNXN (product, model, device; features it implements). */
    static final String FEATURES = "shell_v2,cmd,fixed_push_mkdir";
    private static final Logger LOG = LoggerFactory.getLogger(VirtualPhone.class);

    private final ServerSocket server;
    private final VirtualDevice device;
    private final ReverseForwards reverse;
    private final ExecutorService threads;
    private final ScheduledExecutorService ticker;
    private final Set<AdbdConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private VirtualPhone(ServerSocket server, VirtualDevice device, ExecutorService threads) {
        this.server = server;
        this.device = device;
        this.threads = threads;
        this.reverse = new ReverseForwards(threads);
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("vphone-power"));
    }

    /**
     * Starts a phone on {@code port} (0 = any free port) of the loopback interface.
     *
     * @param stateDir where the phone keeps its storage, settings and browser profiles
     * @param rooted   whether {@code su} exists (a userdebug build); false simulates an unrooted retail phone
     */
    public static VirtualPhone start(int port, Path stateDir, boolean rooted) throws IOException {
        return start(port, stateDir, rooted, SimulatedBrowser.CHROMIUM);
    }

    public static VirtualPhone start(int port, Path stateDir, boolean rooted, String chromium) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        try {
            VirtualDevice device = new VirtualDevice("VPHONE" + server.getLocalPort(), rooted,
                    stateDir.toAbsolutePath(), chromium);
            VirtualPhone phone = new VirtualPhone(server, device, Executors.newCachedThreadPool(daemon("vphone")));
            phone.ticker.scheduleAtFixedRate(phone::tick, 100, 100, TimeUnit.MILLISECONDS);
            phone.threads.submit(phone::acceptLoop);
            LOG.info("virtual phone (simulated) listening on 127.0.0.1:{}", server.getLocalPort());
            return phone;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The serial the adb server gives this phone after {@code adb connect 127.0.0.1:PORT}. */
    public String adbSerial() {
        return "127.0.0.1:" + port();
    }

    /** The banner sent in CNXN: {@code device::} then the identifying properties and the feature list. */
    String banner() {
        return "device::ro.product.name=" + device.props.get("ro.product.name")
                + ";ro.product.model=" + device.props.get("ro.product.model")
                + ";ro.product.device=" + device.props.get("ro.product.device")
                + ";features=" + FEATURES;
    }

    private void tick() {
        try {
            device.tick();
        } catch (RuntimeException e) {
            LOG.debug("power model step failed: {}", e.toString());
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                ServiceRouter router = new ServiceRouter(device, reverse, threads);
                AdbdConnection c = new AdbdConnection(s, router, banner());
                router.bind(c);
                connections.add(c);
                threads.submit(() -> {
                    try {
                        c.serve();
                    } finally {
                        connections.remove(c);
                        reverse.connectionClosed(c);
                    }
                });
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("virtual phone accept failed: {}", e.getMessage());
                }
            }
        }
    }


    /** Stops the phone: drops every host connection (the adb server sees the device go offline) and the browser. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
        connections.forEach(AdbdConnection::close);
        reverse.closeAll();
        device.shutdown();
        ticker.shutdownNow();
        threads.shutdownNow();
    }
}
