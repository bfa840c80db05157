package org.aodnn.profilinglab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one message line of the Profiling Lab workspace: the latest news or error, whichever part (the catalog
 * load, the session run, the stored sessions) produced it. A browser failure can bring pages of log, so the line
 * shows only its first line, shortened, and the whole text is kept as the detail the view offers on demand.
 */
final class LabMessages {

    /** Longest message line shown; beyond it the label would push the workspace's controls off the window. */
    static final int MESSAGE_CHARS = 400;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);

    void info(String text) {
        messageIsError.set(false);
        show(text);
    }

    void error(String text) {
        messageIsError.set(true);
        show(text);
    }

    /** The first line, shortened, as the message; all of it (a browser's log may follow) as the detail. */
    private void show(String text) {
        String full = text == null ? "" : text.strip();
        int newline = full.indexOf('\n');
        String first = newline < 0 ? full : full.substring(0, newline) + " …";
        message.set(first.length() > MESSAGE_CHARS ? first.substring(0, MESSAGE_CHARS - 2) + " …" : first);
        messageDetail.set(full);
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The whole message, with any browser output that came with it. */
    ReadOnlyStringProperty messageDetailProperty() {
        return messageDetail.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
