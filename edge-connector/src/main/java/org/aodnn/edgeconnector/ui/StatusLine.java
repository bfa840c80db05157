package org.aodnn.edgeconnector.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Edge workspace's one status line. The view model and the parts split out of it (publishing, ...) all
 * report here, so that the operator reads the latest outcome in one place whichever part produced it.
 * UI thread only.
 */
final class StatusLine {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    void info(String message) {
        text.set(message);
        error.set(false);
    }

    void error(String message) {
        text.set(message);
        error.set(true);
    }

    void fail(String what, Throwable e) {
        error(what + ": " + message(e));
    }

    /** The first message along the cause chain: wrappers (task or execution exceptions) often carry none. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
