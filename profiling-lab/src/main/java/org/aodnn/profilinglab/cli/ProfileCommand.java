package org.aodnn.profilinglab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.InterruptSignals;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.OutputFile;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.files.AtomicFiles;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.profilinglab.job.GroupedConvMode;
import org.aodnn.profilinglab.job.LayerSelection;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingSettings;
import org.aodnn.profilinglab.protocol.BackendMessage;
import org.aodnn.profilinglab.session.LayerSkip;
import org.aodnn.profilinglab.session.ProfilingListener;
import org.aodnn.profilinglab.session.ProfilingRequest;
import org.aodnn.profilinglab.session.ProfilingSessionTask;
import org.aodnn.profilinglab.session.SessionOutcome;
import org.aodnn.profilinglab.adb.cli.AdbOptions;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.run.PhoneEnergyRun;
import org.aodnn.profilinglab.adb.run.PhoneProfiling;
import org.aodnn.profilinglab.target.ProfilingTarget;
import org.aodnn.profilinglab.target.ProfilingTargets;
import org.aodnn.profilinglab.target.TargetUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aodnn profile}: times a catalog model layer by layer in a real browser and stores the rows. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profile a catalog model layer by layer in a browser (TF.js, NHWC) and store the session.",
            "Ctrl-C (or SIGTERM) ends the session as interrupted: its rows are kept, --out is written and the result",
            "printed; a second Ctrl-C quits at once.",
            "Exit status: 0 completed, 2 interrupted / failed / cancelled (rows measured before are kept) or bad usage",
            "(an option out of its range included), 1 when it cannot start (unknown model, no browser or phone, a port",
            "in use, an --out that cannot be written)."})
public final class ProfileCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Mixin
    AdbOptions adb = new AdbOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "where the page runs: local-chromium (this computer's headless Chromium) or adb:SERIAL (a phone's browser)")
    String target;

    @Option(names = "--browser", paramLabel = "PACKAGE",
            description = "with adb:SERIAL, the phone's browser package (default: the phone's Chrome, else another installed browser)")
    String browser;

    @Option(names = "--model", required = true, paramLabel = "NAME", split = ",",
            description = "catalog model(s) to profile (see `aodnn models`)")
    List<String> models;

    @Option(names = "--backend", paramLabel = "LIST", split = ",", defaultValue = "cpu,wasm",
            description = "TF.js backends: cpu, wasm, webgl (default: ${DEFAULT-VALUE})")
    List<String> backends;

    @Option(names = "--layers", paramLabel = "RANGES", defaultValue = "",
            description = "layer indexes to profile, e.g. 0-10,15 (default: all)")
    String layers;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "untimed runs per layer (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "3", description = "minimum timed runs per layer (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--min-time-ms", paramLabel = "MS", defaultValue = "60",
            description = "keep timing a layer until this much time has passed (default: ${DEFAULT-VALUE})")
    double minTimeMs;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "30", description = "at most this many timed samples (default: ${DEFAULT-VALUE})")
    int maxRuns;

    @Option(names = "--wasm-threads", paramLabel = "N", defaultValue = "0",
            description = "threads of the wasm backend, 0 for TF.js's default (default: ${DEFAULT-VALUE})")
    int wasmThreads;

    @Option(names = "--grouped-conv", paramLabel = "MODE", defaultValue = "split",
            description = "grouped convolutions: split (per-group conv + concat) or skip (default: ${DEFAULT-VALUE})")
    String groupedConv;

    @Option(names = "--read-output", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "time each run until its output is readable from JavaScript, as the reference browser"
                    + " data was measured; --no-read-output times the kernel alone (default: ${DEFAULT-VALUE})")
    boolean readOutput;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "port of the loopback server, 0 for a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--chromium", paramLabel = "PATH", description = "Chromium executable (default: /usr/bin/chromium)")
    Path chromium;

    @Option(names = "--silence-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "seconds the page may stay silent before the session counts as interrupted (default: ${DEFAULT-VALUE})")
    long silenceSeconds;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "also write the session's rows in the layer-CSV format")
    Path out;

    @Option(names = "--json", description = "print the result as one JSON document")
    boolean json;

    /**
     * Runs the command on its own (the app registers it as {@code aodnn profile}); operator errors are one
     * line on standard error, as in the app.
     */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ProfileCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailure failure) {
                cmd.getErr().println(failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    /** The signal that interrupted the session ("SIGINT"), or null. */
    private volatile String interruptedBy;

    /** Numbers out of range are bad usage (exit 2), named by their option. */
    private void checkRanges() {
        inRange("--port", port, 0, 65535);
        inRange("--warmup", warmup, 0, 1000);
        inRange("--reps", reps, 1, 10_000);
        if (maxRuns < reps) {
            throw new CommandFailure("--max-runs " + maxRuns + " must be at least --reps (" + reps + ")", 2);
        }
        inRange("--max-runs", maxRuns, 1, 10_000);
        if (!Double.isFinite(minTimeMs) || minTimeMs < 0 || minTimeMs > 600_000) {
            throw new CommandFailure("--min-time-ms " + minTimeMs + " is out of range (0..600000)", 2);
        }
        inRange("--wasm-threads", wasmThreads, 0, 256);
        inRange("--silence-timeout", silenceSeconds, 1, 86_400);
    }

    private static void inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CommandFailure(option + " " + value + " is out of range (" + min + ".." + max + ")", 2);
        }
    }

    private boolean phoneTarget() {
        return target.startsWith(AdbPhoneTarget.PREFIX);
    }

    private static void checkAvailable(ProfilingTarget profilingTarget) {
        try {
            profilingTarget.checkAvailable();
        } catch (TargetUnavailableException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Override
    public Integer call() {
        ProfilingSettings settings;
        ProfilingTarget profilingTarget;
        LayerSelection selection;
        try {
            checkRanges();
            settings = ProfilingSettings.defaults(backends)
                    .withRuns(warmup, reps)
                    .withMaxRuns(maxRuns)
                    .withMinTimeMs(minTimeMs)
                    .withWasmThreads(wasmThreads)
                    .withGroupedConv(GroupedConvMode.parse(groupedConv))
                    .withReadOutput(readOutput);
            profilingTarget = phoneTarget() ? null : ProfilingTargets.byName(target, chromium);
            selection = LayerSelection.parse(layers);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), 2);
        }
        if (!phoneTarget()) {
            checkAvailable(profilingTarget);
        }
        if (out != null) {
            OutputFile.requireWritable("--out", out);
        }
        try (Store store = storeOptions.open()) {
            if (phoneTarget()) {
                // A phone target records device state and pending restores, so it needs the open store.
                try {
                    profilingTarget = AdbPhoneTarget.forName(target, store, browser, adb.address());
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(e.getMessage(), 2);
                }
                // not checked here: the session's first step reads the phone (a snapshot each time), and fails
                // with the same message when the phone cannot be used
            }
            List<ModelSelection> selections = new ArrayList<>();
            for (String name : models) {
                DnnModel model = store.models().find(name.trim()).orElseThrow(() -> new CommandFailure(
                        "no model named '" + name.trim() + "' in the catalog (known: "
                                + String.join(", ", store.models().names()) + ")"));
                ModelSelection s = new ModelSelection(model, selection);
                try {
                    s.selectedLayers();
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure("--layers: " + e.getMessage(), 2);
                }
                selections.add(s);
            }
            ProfilingRequest request = new ProfilingRequest(selections, settings, port, Duration.ofSeconds(silenceSeconds));
            // a phone run also attributes the battery's energy to its layers once the session has ended
            PhoneProfiling phone = profilingTarget instanceof AdbPhoneTarget p
                    ? new PhoneProfiling(store, p, request, new SkipReporter()) : null;
            ProfilingSessionTask task = phone != null ? phone.task()
                    : new ProfilingSessionTask(store, profilingTarget, request, new SkipReporter());
            SessionOutcome outcome;
            // Ctrl-C / SIGTERM: the session ends as interrupted while the JVM (and so H2) keeps running, and is
            // reported like any other ending; a second signal quits at once.
            AtomicReference<InterruptSignals> signals = new AtomicReference<>();
            signals.set(InterruptSignals.install(() -> {
                InterruptSignals s = signals.get();
                String signal = s == null || s.signal() == null ? "a signal" : s.signal();
                interruptedBy = signal;
                spec.commandLine().getErr().println("interrupted by " + signal + ": ending the session and keeping"
                        + " its rows (" + signal + " again quits at once)");
                spec.commandLine().getErr().flush();
                task.interrupt(signal);
            }));
            try {
                outcome = phone != null ? phone.run(progressPrinter()).session() : task.run(progressPrinter());
            } catch (org.aodnn.db.task.CancelledException e) {
                throw new CommandFailure("profiling session " + task.sessionId() + " was cancelled; rows measured before are kept", 2);
            } catch (TargetUnavailableException e) {
                throw new CommandFailure(e.getMessage());
            } catch (CommandFailure e) {
                throw e;
            } catch (Exception e) {
                throw new CommandFailure("profiling failed" + (task.sessionId() == null ? "" : " (session "
                        + task.sessionId() + ")") + ": " + e.getMessage(), e);
            } finally {
                signals.get().close();
            }
            List<LayerMeasurement> rows = store.measurements().findBySession(outcome.sessionId());
            if (out != null) {
                writeCsv(rows, out);
            }
            report(outcome, rows, phone);
            return outcome.status() == ProfilingStatus.COMPLETED ? 0 : 2;
        }
    }

    private ProgressListener progressPrinter() {
        PrintWriter err = spec.commandLine().getErr();
        return new ProgressListener() {
            private long lastPrinted;

            @Override
            public void progress(double workDone, double totalWork) {
            }

            @Override
            public void message(String message) {
                long now = System.nanoTime();
                if (!json && now - lastPrinted > 2_000_000_000L) {
                    err.println(message);
                    err.flush();
                    lastPrinted = now;
                }
            }
        };
    }

    /** Says on stderr why a layer got no row, as it happens. */
    private final class SkipReporter implements ProfilingListener {
        @Override
        public void layerSkipped(LayerSkip skip) {
            if (!json) {
                spec.commandLine().getErr().println("skipped " + skip.model() + "[" + skip.layerIndex() + "] "
                        + skip.layerType() + " on " + skip.backend() + ": " + skip.reason());
            }
        }
    }

    /** Writes next to the target and renames, so a failure never leaves half a file. */
    private static void writeCsv(List<LayerMeasurement> rows, Path file) {
        try {
            AtomicFiles.writeText(file, w -> LayerCsv.writeMeasurements(rows, w));
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rows are stored with the threads the backend ran with, so a --wasm-threads the browser did not grant
     * measures the same setting as that thread count: its rows replace those, by design.
     */
    private String threadsNote(BackendMessage b) {
        if (!b.backend().equals("wasm") || wasmThreads == 0 || wasmThreads == b.threads()) {
            return "";
        }
        return " (--wasm-threads asked for " + wasmThreads + "; the browser gave " + b.threads()
                + ", so the rows are stored as threads=" + b.threads() + " and replace earlier rows of that setting)";
    }

    /** One line on what the battery told about the run, so an operator sees at once whether energy is usable. */
    static String energyLine(PhoneEnergyRun.Result e) {
        if (e.samples() == 0) {
            return "energy: no battery samples (energy not measured)";
        }
        return String.format(Locale.ROOT, "energy%s: %d battery samples at %.1f Hz, idle baseline %s, %d of %d layers"
                        + " with energy, %d throttled%s", e.simulated() ? " (simulated battery)" : "", e.samples(),
                e.sampleRateHz(), e.baselineMw() == null ? "unknown" : String.format(Locale.ROOT, "%.0f mW", e.baselineMw()),
                e.layersWithEnergy(), e.layers(), e.throttledLayers(),
                e.chargingWhileMeasuring() ? "; the phone was charging while measuring" : "");
    }

    private void report(SessionOutcome o, List<LayerMeasurement> rows, PhoneProfiling phone) {
        PhoneEnergyRun.Result energy = phone == null ? null : phone.energy();
        // a phone run whose attribution failed (logged) says so, rather than looking like a run without a phone
        String energyProblem = phone != null && energy == null ? "energy: attribution failed (see the log)" : null;
        PrintWriter stdout = spec.commandLine().getOut();
        TreeMap<String, Integer> byBackend = new TreeMap<>(o.rowsByBackend());
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("sessionId", o.sessionId());
            doc.put("status", o.status().dbValue());
            doc.put("message", o.message());
            if (interruptedBy == null || o.status() != ProfilingStatus.INTERRUPTED) {
                doc.putNull("interrupted"); // or a signal that came after the session had ended
            } else {
                doc.put("interrupted", interruptedBy);
            }
            doc.put("target", target);
            ArrayNode modelList = doc.putArray("models");
            models.forEach(m -> modelList.add(m.trim()));
            doc.put("layers", layers.isBlank() ? "all" : layers);
            doc.put("plannedResults", o.plannedResults());
            doc.put("rows", o.rowsStored());
            ObjectNode perBackend = doc.putObject("rowsByBackend");
            byBackend.forEach(perBackend::put);
            doc.put("skipped", o.skipped().size());
            ArrayNode skips = doc.putArray("skippedLayers");
            for (LayerSkip s : o.skipped()) {
                ObjectNode n = skips.addObject();
                n.put("model", s.model());
                n.put("layerIndex", s.layerIndex());
                n.put("layerType", s.layerType());
                n.put("backend", s.backend());
                n.put("reason", s.reason());
            }
            doc.put("browser", o.browser());
            ArrayNode backendList = doc.putArray("backends");
            for (BackendMessage b : o.backends()) {
                ObjectNode n = backendList.addObject();
                n.put("backend", b.backend());
                n.put("ok", b.ok());
                n.put("threads", b.threads()); // the stored rows' threads
                if (b.backend().equals("wasm") && wasmThreads > 0) {
                    n.put("threadsRequested", wasmThreads);
                } else {
                    n.putNull("threadsRequested");
                }
                n.put("simd", b.simd());
                n.put("multiThreaded", b.multiThreaded());
                n.put("message", b.message());
            }
            if (o.hardwareConcurrency() == null) {
                doc.putNull("hardwareConcurrency");
            } else {
                doc.put("hardwareConcurrency", o.hardwareConcurrency());
            }
            if (o.downloadMbPerS() == null) {
                doc.putNull("downloadMBPerSecond");
            } else {
                doc.put("downloadMBPerSecond", o.downloadMbPerS());
            }
            doc.put("seconds", o.elapsed().toMillis() / 1000.0);
            if (energy == null) {
                doc.putNull("energy");
                if (energyProblem != null) {
                    doc.put("energyProblem", energyProblem);
                }
            } else {
                ObjectNode e = doc.putObject("energy");
                e.put("samples", energy.samples());
                e.put("sampleRateHz", energy.sampleRateHz());
                if (energy.baselineMw() == null) {
                    e.putNull("baselineMw");
                } else {
                    e.put("baselineMw", energy.baselineMw());
                }
                e.put("layers", energy.layers());
                e.put("layersWithEnergy", energy.layersWithEnergy());
                e.put("throttledLayers", energy.throttledLayers());
                e.put("chargingWhileMeasuring", energy.chargingWhileMeasuring());
                e.put("simulated", energy.simulated());
            }
            if (out == null) {
                doc.putNull("out");
            } else {
                doc.put("out", out.toAbsolutePath().toString());
            }
            Json.print(stdout, doc);
            return;
        }
        stdout.printf(Locale.ROOT, "session %d %s in %.1f s: %d layer rows %s, %d skipped%n", o.sessionId(),
                o.status().dbValue(), o.elapsed().toMillis() / 1000.0, o.rowsStored(), byBackend, o.skipped().size());
        stdout.println(o.message());
        for (BackendMessage b : o.backends()) {
            stdout.printf(Locale.ROOT, "backend %s: %s%n", b.backend(), b.ok()
                    ? b.threads() + " thread(s)" + (b.backend().equals("wasm") ? ", SIMD " + b.simd() : "")
                            + threadsNote(b)
                    : "unavailable (" + b.message() + ")");
        }
        if (o.browser() != null) {
            stdout.printf(Locale.ROOT, "browser: %s, %d hardware threads%s%n", o.browser(), o.hardwareConcurrency(),
                    o.downloadMbPerS() == null ? "" : String.format(Locale.ROOT, ", weight download %.1f MB/s", o.downloadMbPerS()));
        }
        if (energy != null) {
            stdout.println(energyLine(energy));
        } else if (energyProblem != null) {
            stdout.println(energyProblem);
        }
        if (out != null) {
            stdout.println("wrote " + rows.size() + " rows to " + out.toAbsolutePath());
        }
        stdout.flush();
    }
}
