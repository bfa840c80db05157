package org.aodnn.profilinglab.adb.energy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.shell.DeviceCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams battery samples from a phone over one adb shell on a background thread. {@link #snapshot()} gives
 * what arrived so far; {@link #close()} ends the shell (the loop on the phone ends with it). A malformed line
 * is remembered and reported; when the phone vanishes the samples so far are kept.
 */
public final class EnergySampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnergySampler.class);

    private final AdbDevice.ShellLines lines;
    private final int freqCount;
    private final List<BatteryStream.RawLine> samples = new ArrayList<>();
    private final Thread reader;
    private volatile String problem;
    private volatile boolean closed;

    private EnergySampler(AdbDevice.ShellLines lines, int freqCount) {
        this.lines = lines;
        this.freqCount = freqCount;
        this.reader = new Thread(this::read, "energy-sampler");
        this.reader.setDaemon(true);
    }

    public static EnergySampler start(AdbDevice device, List<String> freqFiles, double periodSeconds) {
        EnergySampler s = new EnergySampler(device.stream(BatteryStream.command(freqFiles, periodSeconds)),
                freqFiles.size());
        s.reader.start();
        return s;
    }

    private void read() {
        int n = 0;
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    BatteryStream.RawLine raw = BatteryStream.parse(line, n, freqCount);
                    synchronized (samples) {
                        samples.add(raw);
                    }
                } catch (RuntimeException e) {
                    if (problem == null) {
                        problem = e.getMessage();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                problem = "battery stream ended: " + why(e);
                LOG.debug("battery stream ended", e);
            }
        }
    }

    /**
     * Why the stream ended, in words: the adb connection closing under the reader (the phone unplugged or gone
     * offline) throws exceptions without a message, which would read as "null".
     */
    static String why(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? "the connection to the phone closed (" + e.getClass().getSimpleName() + ")" : message;
    }

    public List<BatteryStream.RawLine> snapshot() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    /** Waits until at least {@code count} samples arrived, or fails after the timeout. */
    public void awaitSamples(int count, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (snapshot().size() < count) {
            if (System.nanoTime() > end || !reader.isAlive()) {
                throw new DeviceCommandException("the battery stream delivered " + snapshot().size() + " of " + count
                        + " samples" + (problem == null ? "" : ": " + problem));
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits (at most the timeout) for a sample taken at or after the device time {@code epochUs}, so the last
     * layer's window is covered before the stream is closed. Returns false if none came (the phone is gone).
     */
    public boolean awaitSampleAfter(long epochUs, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end && reader.isAlive()) {
            synchronized (samples) {
                if (!samples.isEmpty() && samples.get(samples.size() - 1).epochNs() / 1000 >= epochUs) {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** The first problem seen (a malformed line, the stream ending early), or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        closed = true;
        lines.close();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
