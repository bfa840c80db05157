package org.aodnn.edgeconnector.ui;

/** A saved policy offered for building a manifest: its name and the catalog model it is for. */
public record PolicyChoice(String name, String model) {

    @Override
    public String toString() {
        return name + " (" + model + ")";
    }
}
