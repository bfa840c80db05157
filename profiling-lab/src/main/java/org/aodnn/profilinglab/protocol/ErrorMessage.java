package org.aodnn.profilinglab.protocol;

/** The page failed and cannot go on. */
public record ErrorMessage(String message) implements PageMessage {

    @Override
    public void validate() {
        PageMessages.checkText(message, "message", 4000);
    }
}
