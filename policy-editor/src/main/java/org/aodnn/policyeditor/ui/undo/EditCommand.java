package org.aodnn.policyeditor.ui.undo;

/** One operator edit that can be undone and redone (Scene Builder's "job" idea). */
public interface EditCommand {

    void execute();

    void undo();

    String description();
}
