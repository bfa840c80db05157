package org.aodnn.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the Workbench keeps its data: {@code $AODNN_HOME}, else {@code ~/.aodnn}. The database file
 * defaults to {@code workbench} in that directory (H2 adds {@code .mv.db}); {@code --db PATH} overrides it.
 */
public record DataHome(Path directory) {

    public static final String ENV_VAR = "AODNN_HOME";
    public static final String DEFAULT_DB_NAME = "workbench";

    public static DataHome fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static DataHome fromEnvironment(Map<String, String> env, String userHome) {
        String home = env.get(ENV_VAR);
        if (home != null && !home.isBlank()) {
            return new DataHome(Path.of(home).toAbsolutePath().normalize());
        }
        return new DataHome(Path.of(userHome, ".aodnn").toAbsolutePath().normalize());
    }

    public Path defaultDatabase() {
        return directory.resolve(DEFAULT_DB_NAME);
    }

    public Path logsDirectory() {
        return directory.resolve("logs");
    }

    /** The database base path for an optional {@code --db} value: absolute, without H2's suffix. */
    public Path database(String dbOption) {
        if (dbOption == null || dbOption.isBlank()) {
            return defaultDatabase();
        }
        String path = dbOption.endsWith(Store.H2_SUFFIX)
                ? dbOption.substring(0, dbOption.length() - Store.H2_SUFFIX.length())
                : dbOption;
        return Path.of(path).toAbsolutePath().normalize();
    }
}
