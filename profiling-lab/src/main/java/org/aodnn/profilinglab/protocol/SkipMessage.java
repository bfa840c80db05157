package org.aodnn.profilinglab.protocol;

/** A layer the page could not time on a backend, with the reason. */
public record SkipMessage(int layerId, String backend, String reason) implements PageMessage {

    @Override
    public void validate() {
        PageMessages.check(layerId >= 0, "layerId must not be negative");
        PageMessages.checkText(backend, "backend", 40);
        PageMessages.checkText(reason, "reason", 2000);
    }
}
