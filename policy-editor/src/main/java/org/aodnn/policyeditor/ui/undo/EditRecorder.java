package org.aodnn.policyeditor.ui.undo;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.Property;

/**
 * Turns an editor's property changes into undoable edits. A watched property records each change as one
 * edit, except while {@link #quietly} runs (the program sets values, not the operator), while an undo or
 * redo replays, and during a slider drag, which is recorded once on release ({@link #beginDrag},
 * {@link #endDrag}).
 */
public final class EditRecorder {

    private final UndoManager undo;
    private final Map<Property<?>, Object> dragStart = new HashMap<>();
    private boolean quiet;

    public EditRecorder(UndoManager undo) {
        this.undo = undo;
    }

    /** Records every operator change of {@code property} as an edit named {@code label}. */
    public <T> void watch(Property<T> property, String label) {
        property.addListener((obs, before, after) -> {
            if (quiet || undo.isReplaying() || dragStart.containsKey(property)) {
                return;
            }
            undo.record(new PropertyEdit<>(property, before, after, label));
        });
    }

    /** Sets {@code property} without a recorded change, then records the change as one edit named {@code label}. */
    public <T> void set(Property<T> property, T after, String label) {
        T before = property.getValue();
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        quietly(() -> property.setValue(after));
        undo.record(new PropertyEdit<>(property, before, after, label));
    }

    /** A slider drag starts: its intermediate values are live but not separate edits. */
    public void beginDrag(Property<?> property) {
        dragStart.putIfAbsent(property, property.getValue());
    }

    /** A slider drag ends: one edit from the value at the start to the value now. */
    @SuppressWarnings("unchecked")
    public <T> void endDrag(Property<T> property, String label) {
        if (!dragStart.containsKey(property)) {
            return;
        }
        T before = (T) dragStart.remove(property);
        if (before != null && !before.equals(property.getValue())) {
            undo.record(new PropertyEdit<>(property, before, property.getValue(), label));
        }
    }

    /** Runs changes the program makes (loading, defaults, derived values): none of them is an edit. */
    public void quietly(Runnable changes) {
        boolean wasQuiet = quiet;
        quiet = true;
        try {
            changes.run();
        } finally {
            quiet = wasQuiet;
        }
    }

    /** Whether the current change comes from {@link #quietly} rather than from the operator or a replay. */
    public boolean isQuiet() {
        return quiet;
    }
}
