package org.aodnn.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aodnn.db.jooq.DefaultSchema;
import org.aodnn.db.repo.MeasurementRepository;
import org.aodnn.db.repo.ModelRepository;
import org.aodnn.db.repo.SettingRepository;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database. Opening it creates the file if needed, applies the Flyway migrations
 * (the single source of the schema) and, the first time, loads the sample data. It is opened in H2's
 * automatic mixed mode so the window and CLI commands can use the same file at once.
 */
public final class Store implements AutoCloseable {

    public static final String H2_SUFFIX = ".mv.db";
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final Path basePath;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Store(Path basePath, JdbcConnectionPool pool) {
        this.basePath = basePath;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
    }

    /** Opens (creating and migrating if needed) the database at {@code basePath} and loads sample data once. */
    public static Store open(Path basePath) {
        return open(basePath, true);
    }

    public static Store open(Path basePath, boolean loadSampleData) {
        Path absolute = basePath.toAbsolutePath().normalize();
        // H2 would quietly create PATH.mv.db beside a CSV file or inside nothing: say what PATH is instead
        if (Files.isDirectory(absolute)) {
            throw new StoreException("the database path " + absolute + " is a directory: name the database file"
                    + " inside it, e.g. " + absolute.resolve("workbench" + H2_SUFFIX));
        }
        if (Files.isRegularFile(absolute) && !Files.exists(Path.of(absolute + H2_SUFFIX))) {
            throw new StoreException("the database path " + absolute + " is an existing file, not a Workbench"
                    + " database (those end in " + H2_SUFFIX + ")");
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the database directory for " + absolute + ": " + e.getMessage(), e);
        }
        // H2 refuses DB_CLOSE_ON_EXIT=FALSE together with AUTO_SERVER, so a session interrupted by Ctrl-C is
        // marked interrupted when the lab next starts (SessionOwnerRepository); commands that must record an end on
        // Ctrl-C catch the signal themselves, before the JVM (and H2 with it) shuts down.
        String url = "jdbc:h2:file:" + absolute + ";AUTO_SERVER=TRUE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("cannot open the database " + absolute + H2_SUFFIX + ": " + rootMessage(e), e);
        }
        Store store = new Store(absolute, pool);
        if (loadSampleData) {
            new SampleData(store).loadOnce();
        }
        LOG.info("Opened database {}", store.file());
        return store;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof java.io.EOFException || t.getMessage() == null) {
            // a truncated or foreign file: H2 runs out of bytes before it finds its own header
            return "the file is damaged or is not an H2 database (" + t.getClass().getSimpleName() + ")";
        }
        return t.getMessage();
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The database file on disk ({@code .mv.db}). */
    public Path file() {
        return Path.of(basePath + H2_SUFFIX);
    }

    public ModelRepository models() {
        return new ModelRepository(dsl);
    }

    public MeasurementRepository measurements() {
        return new MeasurementRepository(dsl);
    }

    public SettingRepository settings() {
        return new SettingRepository(dsl);
    }

    /** Row counts of every table of the schema, by lower-case table name. */
    public Map<String, Integer> tableRowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            counts.put(table.getName().toLowerCase(java.util.Locale.ROOT), dsl.fetchCount(table));
        }
        return counts;
    }

    /** A consistent copy of the database while it is in use (H2 online backup, a zip archive). */
    public void backupTo(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for " + absolute + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(absolute)) {
            throw new StoreException("cannot back up to " + absolute + ": it is a directory");
        }
        try {
            dsl.execute("BACKUP TO {0}", DSL.inline(absolute.toString()));
        } catch (RuntimeException e) {
            throw new StoreException("cannot back up to " + absolute + ": " + rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
