package org.aodnn.modelfitting.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A named choice with a tick: one backend or model in the data selection (shown as a check-box list). */
public final class SelectableItem {

    private final String name;
    private final BooleanProperty selected;

    public SelectableItem(String name, boolean selected) {
        this.name = name;
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    public String name() {
        return name;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
