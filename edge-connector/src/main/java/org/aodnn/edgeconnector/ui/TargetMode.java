package org.aodnn.edgeconnector.ui;

/** Which nodes a publication goes to: the nodes selected in the table, or every node of a group. */
public enum TargetMode {
    SELECTED_NODES,
    GROUP
}
