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

    public Store open() {
        return Store.open(DataHome.fromEnvironment().database(db));
    }

    public String dbOption() {
        return db;
    }
}
