package org.aodnn.db.task;

/**
 * Something that works only while it is shown: a workspace's view model switches its listeners,
 * polling and loads on when its view is shown and off when it is hidden.
 */
public interface Activatable {

    void activate();

    void deactivate();
}
