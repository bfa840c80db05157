package org.aodnn.app;

import org.aodnn.app.cli.Cli;
import org.aodnn.db.DataHome;

/**
 * Entry point of {@code ./aodnn}: a plain main class (not a JavaFX {@code Application}), so CLI commands
 * never start the JavaFX toolkit and run where there is no display. Without a command it opens the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: logs go to the data directory (and warnings to stderr).
        System.setProperty("aodnn.log.dir", DataHome.fromEnvironment().logsDirectory().toString());
        // The lambda keeps the JavaFX classes unloaded unless the window is really asked for.
        int code = Cli.run(dbOption -> new org.aodnn.app.ui.WorkbenchLauncher().launch(dbOption), args);
        System.exit(code);
    }
}
