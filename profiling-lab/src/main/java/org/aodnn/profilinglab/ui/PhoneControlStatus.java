package org.aodnn.profilinglab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status line of the phone controls: the last action's read-back, or why it was refused or failed. It is
 * their own line, not the workspace's {@link LabMessages}: a phone is changed while a session may run on another
 * target, and the operator must be able to read both outcomes.
 */
final class PhoneControlStatus {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);

    void info(String text) {
        statusIsError.set(false);
        status.set(text);
    }

    void error(String text) {
        statusIsError.set(true);
        status.set(text);
    }

    /** Another phone was chosen: what was said of the one before no longer applies. */
    void clear() {
        status.set("");
        statusIsError.set(false);
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }
}
