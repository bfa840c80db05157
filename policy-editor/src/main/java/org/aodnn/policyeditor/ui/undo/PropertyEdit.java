package org.aodnn.policyeditor.ui.undo;

import javafx.beans.property.Property;

/** Sets one property from {@code before} to {@code after}; undo sets it back. */
public record PropertyEdit<T>(Property<T> property, T before, T after, String description) implements EditCommand {

    @Override
    public void execute() {
        property.setValue(after);
    }

    @Override
    public void undo() {
        property.setValue(before);
    }
}
