package org.aodnn.policyeditor.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

/** One layer of a TF.js Layers topology: its Keras class, its name and its config object. */
record TfjsLayer(String className, String name, JsonNode config) {

    /** {@code 'name' (Class)}, for messages. */
    String label() {
        return "'" + name + "' (" + className + ")";
    }
}
