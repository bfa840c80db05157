package org.aodnn.db.cli;

import org.aodnn.db.DataHome;
import org.aodnn.db.Store;
import picocli.CommandLine.Option;

/**
 * The {@code --db PATH} option, mixed into every command that opens the database. Without it the
 * database is {@code workbench.mv.db} in the data directory ({@code $AODNN_HOME} or {@code ~/.aodnn}).
 */
public final class StoreOptions {

    @Option(names = "--db", paramLabel = "PATH",
            description = "H2 database file (default: $AODNN_HOME/workbench.mv.db, AODNN_HOME defaulting to ~/.aodnn)")
    String db;

    /** Set by the root command's own {@code --db} ({@code aodnn --db X models}) so subcommands see it. */
    public static final String DEFAULT_DB_PROPERTY = "aodnn.db";

    public Store open() {
        return Store.open(databasePath());
    }

    /** The database base path this invocation means (without H2's {@code .mv.db}). */
    public java.nio.file.Path databasePath() {
        return DataHome.fromEnvironment().database(dbOption());
    }

    public String dbOption() {
        return db != null ? db : System.getProperty(DEFAULT_DB_PROPERTY);
    }
}
