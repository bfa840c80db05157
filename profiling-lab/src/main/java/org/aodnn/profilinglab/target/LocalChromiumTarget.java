package org.aodnn.profilinglab.target;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This computer's Chromium, headless, with a fresh profile directory per session (no cache, no state
 * from earlier runs) and the flags a container or CI machine needs.
 */
public final class LocalChromiumTarget implements ProfilingTarget {

    public static final String NAME = "local-chromium";
    public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

    /** What this machine needs; see the comments for the ones added to keep timing steady. */
    static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            // A headless page is never visible: keep Chromium from throttling its timers and renderer.
            "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows");

    private final Path executable;

    public LocalChromiumTarget() {
        this(DEFAULT_EXECUTABLE);
    }

    public LocalChromiumTarget(Path executable) {
        this.executable = executable;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String platform() {
        return NAME;
    }

    public Path executable() {
        return executable;
    }

    @Override
    public void checkAvailable() throws TargetUnavailableException {
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new TargetUnavailableException("Chromium is not installed at " + executable
                    + ": install the Debian package 'chromium' (sudo apt-get install chromium)"
                    + " or give the path of a Chromium executable");
        }
    }

    @Override
    public TargetSession open(URI pageUri) throws TargetUnavailableException {
        checkAvailable();
        Path profile;
        try {
            profile = Files.createTempDirectory("aodnn-chromium-");
        } catch (IOException e) {
            throw new TargetUnavailableException("cannot create a Chromium profile directory: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add(pageUri.toString());
        Path log = profile.resolve("chromium.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        try {
            return new ChromiumSession(builder.start(), profile, log);
        } catch (IOException e) {
            ChromiumSession.deleteQuietly(profile);
            throw new TargetUnavailableException("cannot start " + executable + ": " + e.getMessage(), e);
        }
    }
}
