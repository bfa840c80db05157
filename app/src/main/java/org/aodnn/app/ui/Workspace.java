package org.aodnn.app.ui;

import javafx.scene.Parent;
import org.aodnn.db.task.Activatable;

/** One of the main window's workspaces: its title, icon (a file in the assets' icons folder) and view. */
public record Workspace(String title, String icon, Parent view, Activatable model) {
}
