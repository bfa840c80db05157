package org.aodnn.profilinglab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A failed session's stored message is for the operator: no Java class names, even of wrapped exceptions. */
class FailureInWordsTest {

    @Test
    void classNamesAreLeftOut() {
        assertEquals("disk full", ProfilingSessionTask.inWords(new RuntimeException(new IOException("disk full"))));
        assertEquals("cannot read page file index.html: no such file", ProfilingSessionTask.inWords(
                new UncheckedIOException("cannot read page file index.html: no such file", new IOException())));
        assertEquals("an internal error (see the log)", ProfilingSessionTask.inWords(new NullPointerException()));
        assertEquals("an internal error (see the log)",
                ProfilingSessionTask.inWords(new IllegalStateException(new java.util.ConcurrentModificationException())));
    }
}
