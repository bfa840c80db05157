package org.aodnn.profilinglab.protocol;

/** A message the profiling page posts; {@link #validate()} checks its values after parsing. */
public interface PageMessage {

    /** Throws {@link MalformedMessageException} naming the first invalid field. */
    void validate();
}
