package org.aodnn.modelfitting.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one status line and one error line of the Model Fitting workspace. The data selection, the fit run and
 * the stored predictors all report here, so the operator reads the latest news in a single place whichever
 * part produced it.
 */
final class WorkspaceMessages {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    void status(String text) {
        status.set(text);
    }

    void error(String text) {
        error.set(text);
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The most telling text of a failure: wrappers (e.g. an ExecutionException around the real cause) often
     * carry no message of their own, so the chain is followed until one does; the class name is the last resort.
     */
    static String describe(Throwable e) {
        java.util.Optional<String> database = org.aodnn.db.DatabaseErrors.describe(e);
        if (database.isPresent()) {
            return database.get(); // not jOOQ's "Error while running ConnectionCallable"
        }
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }
}
