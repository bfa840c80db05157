package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the operator watches of a session: a new session starts from a clean, indeterminate bar; progress
 * reports set the layer counts; the end never leaves an indeterminate bar, and an end that does not know
 * the session's id keeps the one the session reported.
 */
class SessionProgressTest {

    private final SessionProgress progress = new SessionProgress();

    @Test
    void aNewSessionStartsClearAndIndeterminate() {
        progress.running(true);
        progress.sessionStored(4, 10);
        progress.progress(6, 10);
        progress.layerSkipped();
        progress.environment("Chromium 131, 2 hardware threads");

        progress.launching("adb:emulator-5554");

        assertTrue(progress.runningProperty().get());
        assertEquals(-1, progress.progressProperty().get(), 0);
        assertEquals(0, progress.layersDoneProperty().get());
        assertEquals(0, progress.layersPlannedProperty().get());
        assertEquals(0, progress.layersSkippedProperty().get());
        assertEquals("starting adb:emulator-5554", progress.progressTextProperty().get());
        assertEquals("", progress.environmentProperty().get());
        assertNull(progress.runningSessionIdProperty().get());
        assertNull(progress.lastOutcomeProperty().get());
    }

    @Test
    void anEndedSessionKeepsItsCountsButNotItsEta() {
        progress.launching("local-chromium");
        progress.sessionStored(3, 6);
        progress.progress(2, 6);
        progress.progressText("2 of 6 layer results, ETA 0:42, last: features.1 (wasm)");
        progress.layerSkipped();
        progress.ended(3L);
        // the view shows the counts beside this text: repeating them here showed "2 of 6 layer results" twice
        assertEquals("", progress.progressTextProperty().get());
        assertEquals(2, progress.layersDoneProperty().get());
        assertEquals(6, progress.layersPlannedProperty().get());
        assertEquals(1, progress.layersSkippedProperty().get());
    }

    @Test
    void progressReportsSetTheCountsAndTheShare() {
        progress.launching("local-chromium");
        progress.sessionStored(12, 41);
        assertEquals(12L, progress.runningSessionIdProperty().get());
        assertEquals(41, progress.layersPlannedProperty().get());

        progress.progress(10, 40); // the session may revise its plan (a skipped layer is not done)
        assertEquals(10, progress.layersDoneProperty().get());
        assertEquals(40, progress.layersPlannedProperty().get());
        assertEquals(0.25, progress.progressProperty().get(), 1e-12);

        progress.progress(0, 0);
        assertEquals(-1, progress.progressProperty().get(), 0, "nothing planned yet: indeterminate, not a division by 0");

        progress.layerSkipped();
        progress.layerSkipped();
        assertEquals(2, progress.layersSkippedProperty().get());
    }

    @Test
    void theEndEmptiesAnIndeterminateBarAndKeepsAFinishedOne() {
        progress.running(true);
        progress.launching("local-chromium");
        progress.ended(null);
        assertFalse(progress.runningProperty().get());
        assertEquals(0, progress.progressProperty().get(), 0, "no bar that looks like work going on");

        progress.running(true);
        progress.launching("local-chromium");
        progress.progress(3, 4);
        progress.ended(5L);
        assertEquals(0.75, progress.progressProperty().get(), 1e-12, "how far it got stays visible");
        assertEquals(5L, progress.runningSessionIdProperty().get());
    }

    @Test
    void anEndWithoutAnIdKeepsTheIdTheSessionReported() {
        progress.launching("local-chromium");
        progress.ended(null);
        assertNull(progress.runningSessionIdProperty().get(), "never stored: the end names no session");

        progress.launching("local-chromium");
        progress.sessionStored(9, 3); // the listener heard of the stored session before the task failed
        progress.ended(null);
        assertEquals(9L, progress.runningSessionIdProperty().get());
    }
}
