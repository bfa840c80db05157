package org.aodnn.profilinglab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.aodnn.profilinglab.session.SessionOutcome;

/**
 * What the operator watches of a session while it runs and after it ended: whether one is running, how far it
 * got (layer results done, planned, skipped, the session's own progress words with its ETA), the browser it runs
 * in, the stored session's id and how it ended. Only {@link SessionRun} changes it, always on the UI thread; the
 * other parts read {@link #runningProperty()} and {@link #runningSessionIdProperty()} to keep out of its way.
 */
final class SessionProgress {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper layersDone = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper layersPlanned = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper layersSkipped = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper environment = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Long> runningSessionId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SessionOutcome> lastOutcome = new ReadOnlyObjectWrapper<>();

    /** Set as soon as Start is pressed (before the choice is checked), so a second start cannot slip in. */
    void running(boolean now) {
        running.set(now);
    }

    /** A new session is about to start on {@code targetName}: the previous session's figures are cleared. */
    void launching(String targetName) {
        layersDone.set(0);
        layersSkipped.set(0);
        layersPlanned.set(0);
        progress.set(-1); // indeterminate until the first progress report: the browser is starting
        progressText.set("starting " + targetName);
        environment.set("");
        runningSessionId.set(null);
        lastOutcome.set(null);
    }

    /** The session was stored under {@code sessionId} and knows how many layer results it plans. */
    void sessionStored(long sessionId, int planned) {
        runningSessionId.set(sessionId);
        layersPlanned.set(planned);
    }

    void progress(double done, double total) {
        layersDone.set((int) done);
        layersPlanned.set((int) total);
        progress.set(total > 0 ? done / total : -1);
    }

    void progressText(String text) {
        progressText.set(text);
    }

    void environment(String text) {
        environment.set(text);
    }

    void layerSkipped() {
        layersSkipped.set(layersSkipped.get() + 1);
    }

    /**
     * The session ended however it ended; {@code sessionId} is null when it was never stored (then the id of the
     * one before stays). A bar left indeterminate would look like work still going on, so it is emptied.
     */
    void ended(Long sessionId) {
        running.set(false);
        if (progress.get() < 0) {
            progress.set(0);
        }
        // the session's last words carry an ETA, which means nothing once it has stopped; the counts stay in
        // their own properties (the view shows them beside this text, so repeating them here doubled them)
        progressText.set("");
        if (sessionId != null) {
            runningSessionId.set(sessionId);
        }
    }

    /** How the session ended, when it ended normally (completed, interrupted or failed as reported by itself). */
    void outcome(SessionOutcome outcome) {
        lastOutcome.set(outcome);
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction of planned layer results done, -1 while the browser starts. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty layersDoneProperty() {
        return layersDone.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty layersPlannedProperty() {
        return layersPlanned.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty layersSkippedProperty() {
        return layersSkipped.getReadOnlyProperty();
    }

    /** The session's own words: layers done, ETA, the last layer. */
    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The browser of the running session, once its page reported it. */
    ReadOnlyStringProperty environmentProperty() {
        return environment.getReadOnlyProperty();
    }

    /** The running session's id once stored; after it ended, the id of the last stored one. */
    ReadOnlyObjectProperty<Long> runningSessionIdProperty() {
        return runningSessionId.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SessionOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }
}
