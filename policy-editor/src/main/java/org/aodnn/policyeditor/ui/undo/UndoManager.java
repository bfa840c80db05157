package org.aodnn.policyeditor.ui.undo;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo and redo stacks of {@link EditCommand}s. {@link #record} adds an edit that is already applied (a
 * slider drag, committed when released); {@link #perform} applies one and records it. A new edit clears
 * the redo stack. While an undo or redo runs, {@link #isReplaying()} is true so listeners that record
 * edits can ignore the changes it makes.
 */
public final class UndoManager {

    private static final int LIMIT = 200;
    private final Deque<EditCommand> undo = new ArrayDeque<>();
    private final Deque<EditCommand> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private boolean replaying;

    public void perform(EditCommand command) {
        command.execute();
        record(command);
    }

    public void record(EditCommand command) {
        undo.push(command);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        refresh();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        EditCommand command = undo.pop();
        replay(command::undo);
        redo.push(command);
        refresh();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        EditCommand command = redo.pop();
        replay(command::execute);
        undo.push(command);
        refresh();
    }

    public void clear() {
        undo.clear();
        redo.clear();
        refresh();
    }

    public boolean isReplaying() {
        return replaying;
    }

    private void replay(Runnable action) {
        replaying = true;
        try {
            action.run();
        } finally {
            replaying = false;
        }
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().description());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().description());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }
}
