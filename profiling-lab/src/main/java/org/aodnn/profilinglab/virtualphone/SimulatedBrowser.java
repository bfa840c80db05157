package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's browser app, played by this computer's headless Chromium: {@code am start -d URL} launches it
 * with a fresh profile directory inside the phone's state directory, and {@code am force-stop} (or the phone
 * shutting down) ends its whole process tree. The page it opens reaches the console through the phone's
 * reverse-forwarded port, exactly as on a real phone.
 */
final class SimulatedBrowser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBrowser.class);

    private final Path profilesDir;
    private final HostLoadMonitor load;
    private final String executable;
    private Process process;
    private int launches;
    private String version;

    SimulatedBrowser(Path profilesDir, HostLoadMonitor load, String executable) {
        this.profilesDir = profilesDir;
        this.load = load;
        this.executable = executable;
    }

    boolean available() {
        return Files.isExecutable(Path.of(executable));
    }

    /** Chromium's version, reported as the simulated Chrome's versionName. */
    synchronized String version() {
        if (version == null) {
            version = "unknown";
            try {
                Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                if (p.waitFor(10, TimeUnit.SECONDS)) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+){1,3})").matcher(out);
                    if (m.find()) {
                        version = m.group(1);
                    }
                }
            } catch (IOException e) {
                LOG.debug("cannot read the Chromium version: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return version;
    }

    /** Opens the URL in a new browser process (the previous one is ended, as a single-task browser would). */
    synchronized void open(String url) throws IOException {
        stop();
        Path profile = profilesDir.resolve("profile-" + (++launches) + "-" + System.nanoTime());
        Files.createDirectories(profile);
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.add(url);
        Path log = profilesDir.resolve("browser-" + launches + ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        load.track(process.toHandle());
        LOG.info("simulated browser opened {} (pid {})", url, process.pid());
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Ends the browser and all its helper processes. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle h = process.toHandle();
        List<ProcessHandle> tree = new ArrayList<>(h.descendants().toList());
        h.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                h.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        load.untrack(h);
        process = null;
    }
}
