package org.aodnn.profilinglab.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.LayerTimingRepository;
import org.aodnn.db.domain.SessionOwner;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.db.repo.SessionOwnerRepository;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.CancelledException;
import org.aodnn.profilinglab.job.ProfilingJob;
import org.aodnn.profilinglab.server.PortInUseException;
import org.aodnn.profilinglab.server.ProfilingServer;
import org.aodnn.profilinglab.target.ProfilingTarget;
import org.aodnn.profilinglab.target.TargetSession;
import org.aodnn.profilinglab.target.TargetUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One profiling session as a background task: stores the session (running), serves the page and its job,
 * opens the page on the target, stores each layer result as it arrives and reports progress (layers done
 * of planned, with an ETA), then ends the browser and records how the session ended:
 * <ul>
 * <li>completed: the page timed every layer (some may be skipped, with reasons);</li>
 * <li>interrupted: the browser went away or fell silent, or {@link #interrupt(String)} (Ctrl-C of the CLI);
 * the rows stored so far are kept and the outcome is returned;</li>
 * <li>failed: the page reported an error, or the console failed (the exception is rethrown);</li>
 * <li>cancelled: {@link #cancel()}; {@link CancelledException} is thrown as the task contract says.</li>
 * </ul>
 * Problems found before the session is stored (target missing, bad selection) throw without storing anything.
 */
public final class ProfilingSessionTask extends BackgroundTask<SessionOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilingSessionTask.class);
    private static final long POLL_MS = 200;
    /** Loading the page, TF.js and its wasm binaries takes a few seconds; a minute means it never will. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Store store;
    private final ProfilingTarget target;
    private final ProfilingRequest request;
    private final ProfilingListener listener;
    private volatile Long sessionId;
    private volatile String interruptedBy;

    public ProfilingSessionTask(Store store, ProfilingTarget target, ProfilingRequest request,
                                ProfilingListener listener) {
        super("Profiling " + describe(request) + " on " + target.name());
        this.store = store;
        this.target = target;
        this.request = request;
        this.listener = listener == null ? ProfilingListener.NONE : listener;
    }

    private static String describe(ProfilingRequest request) {
        return String.join(", ", request.models().stream().map(m -> m.model().name()).toList());
    }

    /**
     * Ends the session early as interrupted, saying {@code reason} ("SIGINT"): the browser is ended, the rows
     * stored so far are kept and {@link #run} returns the outcome (unlike {@link #cancel()}, which throws).
     * Meant for a signal handler: it only asks, the task's own thread does the work.
     */
    public void interrupt(String reason) {
        interruptedBy = reason;
    }

    /** The stored session's id once it exists (null before). */
    public Long sessionId() {
        return sessionId;
    }

    @Override
    protected SessionOutcome call() throws Exception {
        target.checkAvailable();
        // Validates the selection against the catalog before anything is stored.
        ProfilingJob draft = ProfilingJob.of(0, request.settings(), request.models());
        ProfilingSessionRepository sessions = new ProfilingSessionRepository(store.dsl());
        SessionOwnerRepository owners = new SessionOwnerRepository(store.dsl());
        // the lab starting a session (in the window or `aodnn profile`) is when dead consoles' sessions are noticed
        int abandoned = owners.interruptAbandoned(SessionOwner.thisHost());
        if (abandoned > 0) {
            LOG.info("Marked {} abandoned profiling session(s) as interrupted", abandoned);
        }
        long id = owners.start(target.name(), target.platform(), String.join(",", request.settings().backends()),
                draft.settingsJson(request.models()), draft.plannedResults(), SessionOwner.current());
        sessionId = id;
        ProfilingJob job = new ProfilingJob(id, draft.settings(), draft.layers());
        long started = System.nanoTime();
        BlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();
        SessionRecorder recorder = new SessionRecorder(sessions, new LayerTimingRepository(store.dsl()), id, job, target.platform(), target.targetKind(), events);
        Ending ending;
        try {
            listener.sessionStarted(id, job);
            ending = serve(job, recorder, events);
        } catch (CancelledException e) {
            recorder.stop();
            sessions.finish(id, ProfilingStatus.CANCELLED, "cancelled after " + recorder.answeredCount() + " of "
                    + job.plannedResults() + " layer results");
            throw e;
        } catch (TargetUnavailableException | PortInUseException e) {
            recorder.stop();
            sessions.finish(id, ProfilingStatus.FAILED, e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            recorder.stop();
            LOG.error("Profiling session {} failed", id, e);
            // the stored message is for the operator: words, never a Java class name (the log has the trace)
            sessions.finish(id, ProfilingStatus.FAILED, "the console failed: " + inWords(e));
            throw e;
        }
        recorder.stop();
        sessions.finish(id, ending.status(), ending.message());
        updateMessage(ending.message());
        return new SessionOutcome(id, ending.status(), ending.message(), job.plannedResults(), recorder.rowsByBackend(),
                recorder.skipped(), recorder.hello() == null ? null : recorder.hello().browser(),
                recorder.hello() == null ? null : recorder.hello().hardwareConcurrency(), recorder.downloadMbPerS(),
                recorder.backends(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** A Java class name, as in "java.io.UncheckedIOException: " at the start of a wrapped exception's message. */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    /** What went wrong, for an operator: the message without Java class names. */
    static String inWords(Throwable e) {
        String message = e.getMessage() == null ? "" : CLASS_NAME.matcher(e.getMessage()).replaceAll("").strip();
        return message.isEmpty() ? "an internal error (see the log)" : message;
    }

    private record Ending(ProfilingStatus status, String message) {
    }

    private Ending serve(ProfilingJob job, SessionRecorder recorder, BlockingQueue<SessionEvent> events)
            throws TargetUnavailableException {
        int planned = job.plannedResults();
        EtaEstimator eta = new EtaEstimator(job.layers(), job.settings().backends().size());
        updateProgress(0, planned);
        updateMessage("starting " + target.name());
        try (ProfilingServer server = ProfilingServer.start(recorder, request.port());
             TargetSession browser = target.open(server.pageUri())) {
            LOG.info("Profiling session {} on {}", job.sessionId(), browser.describe());
            listener.targetStarted(browser);
            int done = 0;
            while (true) {
                checkCancelled();
                if (interruptedBy != null) {
                    recorder.stop();
                    for (SessionEvent late = events.poll(); late != null; late = events.poll()) {
                        done = handle(late, done, planned, eta);
                    }
                    return new Ending(ProfilingStatus.INTERRUPTED, "interrupted by " + interruptedBy + " after "
                            + recorder.answeredCount() + " of " + planned + " layer results");
                }
                SessionEvent event;
                try {
                    event = events.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException(title() + " was interrupted");
                }
                if (event == null) {
                    Ending lost = checkAlive(browser, server, recorder, planned);
                    if (lost != null) {
                        // results stored just before the end count: the progress agrees with the ending's words
                        for (SessionEvent late = events.poll(); late != null; late = events.poll()) {
                            done = handle(late, done, planned, eta);
                        }
                        return lost;
                    }
                    continue;
                }
                if (event instanceof SessionEvent.Finished) {
                    String missing = done < planned ? " (" + (planned - done) + " never reported)" : "";
                    int rows = SessionRecorder.total(recorder.rowsByBackend());
                    return new Ending(ProfilingStatus.COMPLETED, "completed: " + rows + " layer rows, "
                            + recorder.skipped().size() + " skipped" + missing);
                } else if (event instanceof SessionEvent.PageFailed e) {
                    return new Ending(ProfilingStatus.FAILED, "the page failed: " + e.message());
                }
                done = handle(event, done, planned, eta);
            }
        }
    }

    /** Reports one event of the page (progress, the listener); returns the layer results done after it. */
    private int handle(SessionEvent event, int done, int planned, EtaEstimator eta) {
        if (event instanceof SessionEvent.Environment e) {
            eta.start(System.nanoTime());
            updateMessage(e.hello().browser() + " with " + e.hello().hardwareConcurrency() + " hardware threads");
            listener.environment(e.hello());
        } else if (event instanceof SessionEvent.BackendStarted e) {
            listener.backendStarted(e.backend());
        } else if (event instanceof SessionEvent.Throughput e) {
            listener.throughput(e.megabytesPerSecond());
        } else if (event instanceof SessionEvent.Measured e) {
            eta.layerDone(e.layer().id());
            progress(done + 1, planned, eta, e.layer().label() + " on " + e.row().key().backend() + ": "
                    + String.format(Locale.ROOT, "%.3f ms", e.row().latencyMs()));
            listener.layerMeasured(e.row(), e.layer());
            return done + 1;
        } else if (event instanceof SessionEvent.Skipped e) {
            eta.layerDone(e.layer().id());
            progress(done + 1, planned, eta, e.layer().label() + " on " + e.skip().backend() + " skipped");
            listener.layerSkipped(e.skip());
            return done + 1;
        }
        return done;
    }

    private void progress(int done, int planned, EtaEstimator eta, String what) {
        updateProgress(done, planned);
        updateMessage(done + "/" + planned + " layers, ETA " + EtaEstimator.format(eta.remaining(System.nanoTime()))
                + " - " + what);
    }

    /**
     * Null while the browser is alive and talking; otherwise how the session ended. An ending stops the recorder
     * first, so the count it names is final: no result is stored after it.
     */
    private Ending checkAlive(TargetSession browser, ProfilingServer server, SessionRecorder recorder, int planned) {
        if (!browser.isAlive()) {
            recorder.stop();
            String log = browser.diagnostics();
            return new Ending(ProfilingStatus.INTERRUPTED, "the browser (" + browser.describe() + ") exited after "
                    + recorder.answeredCount() + " of " + planned + " layer results"
                    + (log.isBlank() ? "" : "; its last output: " + log));
        }
        Duration silent = Duration.between(server.lastContact(), Instant.now());
        if (recorder.hello() == null && silent.compareTo(START_TIMEOUT) > 0) {
            recorder.stop();
            String log = browser.diagnostics();
            return new Ending(ProfilingStatus.FAILED, "the page did not start within " + silent.toSeconds()
                    + " s" + (log.isBlank() ? "" : "; browser output: " + log));
        }
        if (silent.compareTo(request.silenceTimeout()) > 0) {
            recorder.stop();
            return new Ending(ProfilingStatus.INTERRUPTED, "no word from the page for " + silent.toSeconds()
                    + " s after " + recorder.answeredCount() + " of " + planned + " layer results");
        }
        return null;
    }
}
