package org.aodnn.app.cli;

import java.util.concurrent.Callable;
import org.aodnn.db.cli.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aodnn}: without a subcommand it opens the Workbench window; every job the window does is also
 * a subcommand here, sharing the same core.
 */
@Command(name = "aodnn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"AoDNN Workbench: profile DNN layers in browsers, fit predictors, tune partition policies,",
            "publish offloading manifests. Without a command, opens the Workbench window."},
        subcommands = {ImportCommand.class, ExportCommand.class, ModelsCommand.class, DbCommand.class,
            BenchCommand.class})
public final class RootCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH", scope = picocli.CommandLine.ScopeType.LOCAL,
            description = "H2 database file for the window and every command (default: $AODNN_HOME/workbench.mv.db)")
    String db;

    private final GuiLauncher gui;

    public RootCommand(GuiLauncher gui) {
        this.gui = gui;
    }

    /** Applies the root {@code --db} to the subcommands that do not name their own. */
    void applyDefaults() {
        if (db != null) {
            System.setProperty(StoreOptions.DEFAULT_DB_PROPERTY, db);
        }
    }

    @Override
    public Integer call() {
        return gui.launch(db);
    }

    /** Opens the window; kept behind an interface so the CLI never loads JavaFX classes. */
    @FunctionalInterface
    public interface GuiLauncher {
        int launch(String dbOption);
    }
}
