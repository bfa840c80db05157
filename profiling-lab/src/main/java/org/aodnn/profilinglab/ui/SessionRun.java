package org.aodnn.profilinglab.ui;

import javafx.beans.binding.BooleanBinding;
import org.aodnn.db.Store;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.adb.run.PhoneEnergyRun;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.job.ProfilingJob;
import org.aodnn.profilinglab.protocol.HelloMessage;
import org.aodnn.profilinglab.session.LayerSkip;
import org.aodnn.profilinglab.session.ProfilingListener;
import org.aodnn.profilinglab.session.ProfilingSessionTask;
import org.aodnn.profilinglab.session.SessionOutcome;
import org.aodnn.profilinglab.target.ProfilingTarget;
import org.aodnn.profilinglab.target.TargetUnavailableException;

/**
 * One profiling session at a time: starting it from the {@link ProfilingChoice}, cancelling it, and saying how
 * it ended. The session runs as a background task (a phone session adds the energy attribution); its listener
 * calls arrive on the task's thread and are moved to the UI thread before they touch {@link SessionProgress} or
 * the {@link ShownResults}. When it ends, the stored sessions and profiles are reloaded, since it added to both.
 */
final class SessionRun {

    private final Store store;
    private final TaskExecutor executor;
    private final ProfilingChoice choice;
    private final SessionProgress progress;
    private final ShownResults shown;
    private final StoredSessionList sessions;
    private final StoredProfilesViewModel storedProfiles;
    private final LabMessages messages;
    private final BooleanBinding canStart;
    // the session running now, for cancel; null before the choice was prepared and after the session ended
    private BackgroundTask<SessionOutcome> task;
    // the check of the choice before a session starts; Cancel during it means the session never starts
    private BackgroundTask<ProfilingChoice.Prepared> preparing;

    SessionRun(Store store, TaskExecutor executor, ProfilingChoice choice, SessionProgress progress, ShownResults shown,
               StoredSessionList sessions, StoredProfilesViewModel storedProfiles, LabMessages messages) {
        this.store = store;
        this.executor = executor;
        this.choice = choice;
        this.progress = progress;
        this.shown = shown;
        this.sessions = sessions;
        this.storedProfiles = storedProfiles;
        this.messages = messages;
        canStart = progress.runningProperty().not().and(choice.completeBinding())
                .and(choice.targetProblemProperty().isEmpty());
    }

    /**
     * Starts a session with what is chosen. The choice is read here, checked against the catalog in the
     * background (a query), and problems with it are shown as the message without storing anything.
     */
    void start() {
        if (!canStart.get()) {
            return;
        }
        progress.running(true); // no second start while the choice is checked
        ProfilingChoice.Snapshot chosen;
        try {
            chosen = choice.read();
        } catch (IllegalArgumentException e) {
            progress.running(false);
            messages.error(e.getMessage());
            return;
        }
        progress.progressText("preparing"); // not the text the last session ended with
        BackgroundTask<ProfilingChoice.Prepared> check = BackgroundTask.of("Preparing profiling", () -> choice.prepare(chosen));
        preparing = check;
        executor.execute(check, TaskCallbacks.<ProfilingChoice.Prepared>of(prepared -> {
            preparing = null;
            if (check.isCancelled()) {
                cancelledBeforeStart(); // Cancel came while the check ran to its end
            } else {
                launch(prepared);
            }
        }, error -> {
            preparing = null;
            progress.running(false);
            progress.progressText("");
            messages.error(error.getMessage());
        }).withCancelled(() -> {
            preparing = null;
            cancelledBeforeStart();
        }));
    }

    private void cancelledBeforeStart() {
        progress.running(false);
        progress.progressText("");
        messages.info("Profiling was cancelled before the session started");
    }

    private void launch(ProfilingChoice.Prepared prepared) {
        ProfilingTarget target = prepared.target();
        progress.launching(target.name());
        sessions.selectedSessionProperty().set(null); // the live rows are shown, not a stored session's
        shown.startLive(target.name());
        messages.info("Profiling " + String.join(", ", choice.selectedModels()) + " on " + target.name());
        task = target instanceof AdbPhoneTarget phone
                ? new PhoneSessionTask(store, phone, prepared.request(), new UiListener())
                : new ProfilingSessionTask(store, target, prepared.request(), new UiListener());
        BackgroundTask<SessionOutcome> started = task;
        executor.execute(task, TaskCallbacks.<SessionOutcome>of(outcome -> finished(outcome, started),
                        error -> failed(error, started))
                .withCancelled(() -> cancelled(started))
                .withProgress(new ProgressListener() {
                    @Override
                    public void progress(double done, double total) {
                        executor.runOnUiThread(() -> progress.progress(done, total));
                    }

                    @Override
                    public void message(String text) {
                        executor.runOnUiThread(() -> progress.progressText(text));
                    }
                }));
    }

    /** Asks the running session to stop; the rows measured so far are kept. */
    void cancel() {
        BackgroundTask<SessionOutcome> t = task;
        if (t != null) {
            progress.progressText("cancelling");
            t.cancel();
        } else if (preparing != null) {
            progress.progressText("cancelling");
            preparing.cancel();
        }
    }

    private void finished(SessionOutcome outcome, BackgroundTask<SessionOutcome> finishedTask) {
        ended(outcome.sessionId());
        progress.outcome(outcome);
        String skipped = outcome.skipped().isEmpty() ? "" : ", " + outcome.skipped().size() + " layers skipped";
        String energy = "";
        if (finishedTask instanceof PhoneSessionTask phone && phone.energy() != null) {
            PhoneEnergyRun.Result e = phone.energy();
            energy = "; energy attributed to " + e.layersWithEnergy() + " of " + e.layers() + " layers"
                    + (e.simulated() ? " (simulated battery)" : "")
                    + (e.chargingWhileMeasuring() ? ", but the phone was charging while measuring" : "");
        }
        if (outcome.status() == ProfilingStatus.COMPLETED) {
            messages.info("Session " + outcome.sessionId() + " completed: " + outcome.rowsStored() + " layer rows stored"
                    + skipped + " in " + outcome.elapsed().toSeconds() + " s" + energy);
        } else if (outcome.status() == ProfilingStatus.INTERRUPTED) {
            messages.error("Session " + outcome.sessionId() + " was interrupted; the " + outcome.rowsStored()
                    + " layer rows measured before are kept" + energy + ": " + outcome.message());
        } else {
            messages.error("Session " + outcome.sessionId() + " failed; the " + outcome.rowsStored()
                    + " layer rows measured before are kept" + energy + ": " + outcome.message());
        }
    }

    private void failed(Throwable error, BackgroundTask<SessionOutcome> failedTask) {
        ended(sessionIdOf(failedTask));
        Long id = progress.runningSessionIdProperty().get();
        if (error instanceof TargetUnavailableException) {
            messages.error("Cannot profile on " + choice.selectedTargetProperty().get() + ": " + error.getMessage());
        } else if (error instanceof IllegalArgumentException) {
            messages.error("Cannot profile: " + error.getMessage());
        } else {
            messages.error(id == null ? "Profiling failed: " + error.getMessage() : "Session " + id + " failed; the "
                    + shown.rowCount() + " layer rows measured before are kept: " + error.getMessage());
        }
    }

    private void cancelled(BackgroundTask<SessionOutcome> cancelledTask) {
        ended(sessionIdOf(cancelledTask));
        Long id = progress.runningSessionIdProperty().get();
        messages.info(id == null ? "Profiling was cancelled before the session started"
                : "Session " + id + " was cancelled; the " + shown.rowCount() + " layer rows measured before are kept.");
    }

    private static Long sessionIdOf(BackgroundTask<SessionOutcome> t) {
        return t instanceof PhoneSessionTask p ? p.sessionId() : ((ProfilingSessionTask) t).sessionId();
    }

    /** {@code id} is null when the session was never stored (target missing, cancelled while starting). */
    private void ended(Long id) {
        task = null;
        progress.ended(id);
        shown.liveEnded(id);
        sessions.reload();
        storedProfiles.activate(); // new rows change the stored profiles
    }

    /** Whether Start can be pressed: nothing running, a complete choice and a target that can be used now. */
    BooleanBinding canStartBinding() {
        return canStart;
    }

    /** The session's news, moved to the UI thread. */
    private final class UiListener implements ProfilingListener {

        @Override
        public void sessionStarted(long sessionId, ProfilingJob job) {
            int planned = job.plannedResults();
            executor.runOnUiThread(() -> {
                progress.sessionStored(sessionId, planned);
                shown.liveSessionStored(sessionId);
                sessions.reload(); // the Sessions tab lists it as running until it ends (and is reloaded again)
            });
        }

        @Override
        public void environment(HelloMessage hello) {
            String text = hello.browser() + ", " + hello.hardwareConcurrency() + " hardware threads"
                    + (hello.crossOriginIsolated() ? ", cross-origin isolated" : "");
            executor.runOnUiThread(() -> progress.environment(text));
        }

        @Override
        public void layerMeasured(LayerMeasurement row, JobLayer layer) {
            ResultRow result = ResultRow.of(row);
            executor.runOnUiThread(() -> shown.liveRow(result));
        }

        @Override
        public void layerSkipped(LayerSkip skip) {
            executor.runOnUiThread(progress::layerSkipped);
        }
    }
}
